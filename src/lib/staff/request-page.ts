/**
 * What the staff page for one request (/staff/requests/REFERENCE/) shows and does: find the
 * request, apply a status change posted from it, and lay out its details. The page only
 * renders the result. A POST reaching here has been read and CSRF-checked by the middleware.
 */
import { normaliseReference } from '../requests/reference.ts';
import { formatLabels, replyMethodLabels, type FormatRequest } from '../requests/schema.ts';
import { StatusChangeError, type AuditEntry, type RequestRecord, type RequestStore } from '../requests/store.ts';
import { alreadyStatusMessage, changedMeanwhileMessage, validateStatusChange, type FieldError, type StatusChangeField } from './forms.ts';
import { staffRequestPath } from './urls.ts';

export interface RequestPageInput {
  store: RequestStore;
  /** The reference as it appears in the address, before normalising. */
  referenceParam: string;
  method: string;
  /** The posted form, read by the middleware. */
  form: URLSearchParams | undefined;
  /** Who is signed in; a POST without one changes nothing. */
  staffUsername: string | undefined;
  /** The address has ?changed, set by the redirect after a change. */
  justChanged: boolean;
}

export type RequestPage =
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found'; status: 404 }
  | {
      kind: 'request';
      status: 200 | 400 | 409;
      record: RequestRecord;
      history: AuditEntry[];
      errors: FieldError<StatusChangeField>[];
      /** What the form shows again after an error. */
      values: { status?: string; note?: string };
      /** Show the "Status changed" notice. */
      changed: boolean;
    };

export async function requestPage(input: RequestPageInput): Promise<RequestPage> {
  const { store } = input;
  const reference = normaliseReference(input.referenceParam);
  let record = reference ? await store.get(reference) : undefined;
  if (!record) return { kind: 'not-found', status: 404 };
  let status: 200 | 400 | 409 = 200;
  let errors: FieldError<StatusChangeField>[] = [];
  let values: { status?: string; note?: string } = {};

  if (input.method === 'POST') {
    const form = input.form ?? new URLSearchParams();
    values = { status: form.get('status') ?? '', note: (form.get('note') ?? '').replace(/\r\n?/g, '\n') };
    const checked = validateStatusChange(form, record.status);
    if (!checked.ok || input.staffUsername === undefined) {
      errors = checked.ok ? [] : checked.errors;
      status = 400;
    } else {
      try {
        await store.changeStatus(record.reference, { ...checked.value, by: input.staffUsername });
        return { kind: 'redirect', location: `${staffRequestPath(record.reference)}?changed` };
      } catch (error) {
        if (!(error instanceof StatusChangeError) || error.current === undefined) throw error;
        // Someone else changed it while this page was open: show theirs, ask again.
        const message = error.problem === 'stale' ? changedMeanwhileMessage(error.current) : alreadyStatusMessage(error.current);
        errors = [{ field: 'status', message }];
        status = 409;
        values = { note: values.note };
        record = await store.get(record.reference);
        if (!record) return { kind: 'not-found', status: 404 };
      }
    }
  }
  const history = await store.auditLog(record.reference);
  const changed = input.method === 'GET' && input.justChanged && history.length > 0;
  return { kind: 'request', status, record, history, errors, values, changed };
}

/** One line of a summary list; `text` values keep their line breaks, `email` ones are links. */
export interface DetailRow {
  label: string;
  value: string;
  kind?: 'text' | 'email';
}

/** "What they asked for": the document, format, assistive technology and anything else. */
export function requestedDetails(request: FormatRequest): DetailRow[] {
  const rows: DetailRow[] = [{ label: 'Document', value: request.documentTitle }];
  if (request.documentId) rows.push({ label: 'Document reference', value: request.documentId });
  const format = request.format === 'other' && request.formatOther ? `Another format: ${request.formatOther}` : formatLabels[request.format];
  rows.push(
    { label: 'Format', value: format },
    { label: 'Assistive technology', value: request.assistiveTechnology ?? 'Not given' },
    { label: 'Anything else', value: request.anythingElse ?? 'Nothing', kind: 'text' },
  );
  return rows;
}

/** "Contact details": the name, the way to reply, and only the details given for it. */
export function contactDetails(request: FormatRequest): DetailRow[] {
  const rows: DetailRow[] = [
    { label: 'Name', value: request.name },
    { label: 'Reply by', value: replyMethodLabels[request.replyBy] },
  ];
  if (request.email) rows.push({ label: 'Email address', value: request.email, kind: 'email' });
  if (request.phone) rows.push({ label: 'Phone number', value: request.phone });
  if (request.address) rows.push({ label: 'Address', value: request.address, kind: 'text' });
  if (request.postcode) rows.push({ label: 'Postcode', value: request.postcode });
  return rows;
}
