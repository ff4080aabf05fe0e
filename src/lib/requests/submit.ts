/**
 * What happens when the request form is posted, as one function the page calls: read the body
 * (within a size limit), apply the rate limit, validate, store, tell the team, and say what the
 * page should show. The page (src/pages/accessible-formats/request/submit.astro) only renders
 * the answer; every message a person can get is written once, here or in fields.ts.
 */
import { OutsideCalendarError } from '../dates/working-days.ts';
import { notifySafely, type Notifier } from './notify.ts';
import { visitorAddress } from '../limits/address.ts';
import { BodyTooLargeError, formFields, maxBodyBytes, readBodyWithLimit } from '../limits/body.ts';
import { minutesInWords } from '../limits/limiter.ts';
import { textFields } from './fields.ts';
import { requestFields, validateRequest, type RequestError, type RequestField } from './schema.ts';
import type { RequestStore } from './store.ts';
import { confirmationPath, requestFormPath } from './urls.ts';

export { maxBodyBytes };

/** A page that says why the request was not taken, with the status it is sent with. */
export interface SubmitProblem {
  status: number;
  heading: string;
  body: string;
}

export const submitProblems = {
  unreadable: { status: 415, heading: 'We could not read your request', body: 'Please go back to the form and send it again.' },
  tooLong: {
    status: 413,
    heading: 'Your request was too long',
    body: `Please shorten what you wrote, especially in "Anything else" (${textFields.anythingElse.max?.toLocaleString('en-GB')} characters at most), and send it again.`,
  },
  noReplyDate: {
    status: 503,
    heading: 'Sorry, we cannot take your request online today',
    body: 'We could not work out the date we would reply by, so we have not kept your request. Please write to us instead.',
  },
  notSaved: {
    status: 503,
    heading: 'Sorry, we could not keep your request',
    body: 'Something went wrong on our side and your request was not saved. Please try again in a few minutes.',
  },
} as const satisfies Record<string, SubmitProblem>;

/** Too many posts from one visitor: how long to wait comes from the shared limiter. */
export function tooManyProblem(minutes: number): SubmitProblem {
  return {
    status: 429,
    heading: 'You have sent a lot of requests',
    body: `Please wait ${minutesInWords(minutes)} and try again. If you need help now, write to us using the details below.`,
  };
}

export type SubmitOutcome =
  /** Send the browser here with a 303 (the confirmation page, or the form for a GET). */
  | { kind: 'redirect'; location: string }
  /** Show the form again with its errors and what the person typed (never the honeypot). */
  | { kind: 'invalid'; status: 400; values: Partial<Record<RequestField, string>>; errors: RequestError[] }
  | { kind: 'problem'; problem: SubmitProblem };

export interface SubmitServices {
  store: () => RequestStore;
  notifier: () => Notifier | undefined;
  /** Counts one post from this visitor: 0 while they are within the limit, else the minutes left to wait. */
  minutesToWait: (visitor: string) => number | Promise<number>;
  /** Where operators' lines go; never given anything the person wrote. */
  log?: (line: string) => void;
}

/** Every box full, with room for the choices and line breaks sent as two characters. */
const maxRequestCharacters = Math.ceil(Object.values(textFields).reduce((sum, field) => sum + (field.max ?? 0), 0) * 1.1) + 200;

const problem = (which: keyof typeof submitProblems): SubmitOutcome => ({ kind: 'problem', problem: submitProblems[which] });

/** Handles one request to the submit address. `clientAddress` is the connecting address. */
export async function handleRequestSubmission(request: Request, clientAddress: string, services: SubmitServices): Promise<SubmitOutcome> {
  if (request.method !== 'POST') return { kind: 'redirect', location: requestFormPath };
  const log = services.log ?? ((line: string) => console.error(line));
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) return problem('unreadable');
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return problem('tooLong');
  const wait = await services.minutesToWait(visitorAddress(clientAddress, request.headers));
  if (wait > 0) return { kind: 'problem', problem: tooManyProblem(wait) };
  try {
    const values = formFields(await readBodyWithLimit(request.body, maxBodyBytes), requestFields);
    // The byte cap is sized for the longest request in any script; this counts characters, so
    // a long request in plain letters is refused as too long just the same.
    if (Object.values(values).reduce((sum, value) => sum + [...value].length, 0) > maxRequestCharacters) return problem('tooLong');
    const result = validateRequest(values);
    if (!result.ok) {
      const { website: _honeypot, ...shown } = values;
      return { kind: 'invalid', status: 400, values: shown, errors: result.errors };
    }
    const record = await services.store().add(result.value);
    const team = services.notifier();
    if (team) void notifySafely(team, record);
    return { kind: 'redirect', location: `${confirmationPath}?ref=${encodeURIComponent(record.reference)}` };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem('tooLong');
    if (error instanceof OutsideCalendarError) {
      log('Request not stored: the bank holiday list does not cover today. Add the next year to src/content/data/bank-holidays.json.');
      return problem('noReplyDate');
    }
    // The database is down or refused the write: nothing was kept, so say so and ask them to
    // try again. Store errors name columns and hosts, never what the person wrote.
    log(`Request not stored: the request database failed (${error instanceof Error ? error.message : String(error)})`);
    return problem('notSaved');
  }
}
