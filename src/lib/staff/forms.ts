/**
 * The two staff forms, checked the GOV.UK way: one message per field, in page order, each
 * naming the id of the input it belongs to.
 */
import { z } from 'zod';
import { isRequestStatus, requestStatusLabels, statusNoteMaxLength, type RequestStatus } from '../requests/store.ts';

export interface FieldError<Field extends string = string> {
  field: Field;
  message: string;
}

type Result<T, Field extends string> = { ok: true; value: T } | { ok: false; errors: FieldError<Field>[] };

/** Browsers send textarea line breaks as CRLF; count and keep them as LF. */
function formText(form: URLSearchParams, name: string): string {
  return (form.get(name) ?? '').replace(/\r\n?/g, '\n');
}

// ----- sign in -----

export type SignInField = 'username' | 'password';

/** Only emptiness is checked: whether the pair is right is for StaffAuth, which never says which was wrong. */
export function validateSignIn(form: URLSearchParams): Result<{ username: string; password: string }, SignInField> {
  const username = formText(form, 'username').trim();
  // A password may have spaces at either end; it is passed on exactly as typed.
  const password = form.get('password') ?? '';
  const errors: FieldError<SignInField>[] = [];
  if (username === '') errors.push({ field: 'username', message: 'Enter your username' });
  if (password === '') errors.push({ field: 'password', message: 'Enter your password' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { username, password } };
}

/** The same words for a wrong username, a wrong password, a locked and a disabled account. */
export const signInRefused: FieldError<SignInField> = {
  field: 'username',
  message: 'Enter a correct username and password',
};

// ----- status change -----

export type StatusChangeField = 'status' | 'note';

export interface StatusChangeInput {
  to: RequestStatus;
  note: string | undefined;
  /** The status shown on the page when the form was sent. */
  from: RequestStatus | undefined;
}

// C0 and C1 control characters and DEL, except line feed: a note may have line breaks.
const hiddenCharacters = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

const noteSchema = z
  .string()
  .max(statusNoteMaxLength, `The note must be ${statusNoteMaxLength} characters or fewer`)
  .refine((note) => !hiddenCharacters.test(note), 'The note must not include tabs or other hidden characters');

/** A change to the status the request already has. */
export function alreadyStatusMessage(current: RequestStatus): string {
  return `The request is already ${requestStatusLabels[current]}: select a different status`;
}

/** Someone else changed the status between this page loading and the form being sent. */
export function changedMeanwhileMessage(now: RequestStatus): string {
  return `Someone else changed the status to ${requestStatusLabels[now]} while you had this page open. Check the history, then choose again`;
}

export function validateStatusChange(form: URLSearchParams, current: RequestStatus): Result<StatusChangeInput, StatusChangeField> {
  const to = form.get('status') ?? '';
  const note = formText(form, 'note').trim();
  const from = form.get('from');
  const errors: FieldError<StatusChangeField>[] = [];
  if (!isRequestStatus(to)) {
    errors.push({ field: 'status', message: 'Select a new status' });
  } else if (to === current) {
    errors.push({ field: 'status', message: alreadyStatusMessage(current) });
  }
  const noteCheck = noteSchema.safeParse(note);
  if (!noteCheck.success) errors.push({ field: 'note', message: noteCheck.error.issues[0]?.message ?? 'Check the note' });
  if (errors.length > 0 || !isRequestStatus(to)) return { ok: false, errors };
  return { ok: true, value: { to, note: note === '' ? undefined : note, from: isRequestStatus(from) ? from : undefined } };
}
