/**
 * Where accessible-format requests are kept until staff have replied.
 *
 * `RequestStore` is what the endpoint, the staff CLI and the staff queue (/staff/) use. It has
 * two implementations with the same behaviour, checked by one shared test suite:
 *
 * - `SqliteRequestStore` (sqlite-request-store.ts), the default: one file under DATA_DIR, for
 *   a single server;
 * - `PostgresRequestStore` (postgres-request-store.ts), chosen when DATABASE_URL is set, so
 *   that several stateless servers behind a load balancer share one queue.
 *
 * Both run on a connection from src/lib/storage, which the staff store shares (see
 * src/lib/runtime.ts); `requestStoreOn` (open-store.ts) picks the one for a connection.
 * The rules both follow (reference retries, status change checks, purge cut-off) live here.
 *
 * These records hold personal data (names, contact details), so nothing here logs, and
 * error messages name references and columns, never values.
 */
import { londonDate } from '../dates/index.ts';
import { newReference as randomReference } from './reference.ts';
import { formatIds, replyMethods } from './schema.ts';
import type { FormatId, FormatRequest, ReplyMethod } from './schema.ts';

/** Where a request is in the staff queue. Every new request starts as "new". */
export const requestStatuses = ['new', 'in-progress', 'sent', 'closed'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** How staff pages name each status. */
export const requestStatusLabels: Readonly<Record<RequestStatus, string>> = {
  new: 'New',
  'in-progress': 'In progress',
  sent: 'Sent',
  closed: 'Closed',
};

export function isRequestStatus(value: unknown): value is RequestStatus {
  return requestStatuses.some((status) => status === value);
}

/** The longest note a status change may carry. */
export const statusNoteMaxLength = 500;

export interface StatusChange {
  to: RequestStatus;
  /** Why, in a few words; left out or empty when there is nothing to add. */
  note?: string | undefined;
  /** The staff username making the change. */
  by: string;
  /**
   * The status the person saw when they chose the change. When given and no longer true
   * (someone else changed it meanwhile), the change is refused rather than silently
   * overwriting theirs.
   */
  from?: RequestStatus | undefined;
}

/** One line of a request's history: who changed its status, when, and why. */
export interface AuditEntry {
  /** ISO 8601 UTC instant. */
  at: string;
  by: string;
  from: RequestStatus;
  to: RequestStatus;
  note: string | undefined;
}

export type StatusChangeProblem = 'not-found' | 'unknown-status' | 'no-change' | 'stale' | 'bad-note' | 'bad-author';

/** A change the store refused; `problem` says why, and nothing was written. */
export class StatusChangeError extends Error {
  override readonly name = 'StatusChangeError';
  readonly problem: StatusChangeProblem;
  /** The status the request has now, when it was found. */
  readonly current: RequestStatus | undefined;

  constructor(problem: StatusChangeProblem, message: string, current?: RequestStatus) {
    super(message);
    this.problem = problem;
    this.current = current;
  }
}

export interface RequestRecord {
  /** Like AF-2026-4K7Q9M2X; shown to the person and quoted when they contact us. */
  reference: string;
  /** When the request arrived, as an ISO 8601 UTC instant. */
  createdAt: string;
  /** The date (YYYY-MM-DD, London) we promised to reply by. */
  replyByDate: string;
  status: RequestStatus;
  request: FormatRequest;
}

export interface RequestStore {
  /** Stores a valid request under a new reference; resolves once it is safely on disk. */
  add(request: FormatRequest): Promise<RequestRecord>;
  get(reference: string): Promise<RequestRecord | undefined>;
  /** Oldest first, the order staff should answer them in. */
  list(options?: { status?: RequestStatus }): Promise<RequestRecord[]>;
  count(): Promise<number>;
  /**
   * Moves a request to another status and records who, when, from, to and why, in one
   * transaction. Refuses (StatusChangeError, nothing written) an unknown reference or status,
   * a change to the status it already has, a stale `from`, or a note over 500 characters.
   */
  changeStatus(reference: string, change: StatusChange): Promise<AuditEntry>;
  /** The request's status changes, oldest first; empty for an unknown reference. */
  auditLog(reference: string): Promise<AuditEntry[]>;
  /** Deletes requests received more than `days` days ago, with their history; resolves with how many went. */
  purgeOlderThan(days: number): Promise<number>;
  /**
   * Resolves once the database answers and its schema is up to date; rejects when it cannot
   * be reached. The health check and the CLI's `migrate` use it. The connection's owner
   * closes it; a store never does.
   */
  ready(): Promise<void>;
}

/** What every store is given, whichever database it uses. */
export interface RequestStoreRules {
  /** The promised reply date for a request received at this moment (see replyByDate in working-days.ts). */
  replyByFor: (receivedAt: Date) => string;
  /** The clock, replaceable in tests. */
  now?: () => Date;
  /** The reference maker, replaceable in tests to force a clash. */
  newReference?: (year: number) => string;
}

/** A clash is about one in 10^11 per pair; five in a row means something else is wrong. */
const MAX_REFERENCE_ATTEMPTS = 5;
const MS_PER_DAY = 86_400_000;

/** When a request arrived and the date promised, both worked out before anything is written. */
export function newRequestDates(
  receivedAt: Date,
  replyByFor: (receivedAt: Date) => string,
): { createdAt: string; replyByDate: string; year: number } {
  // A date we cannot promise (OutsideCalendarError) throws here, so nothing is stored.
  const replyByDate = replyByFor(receivedAt);
  return { createdAt: receivedAt.toISOString(), replyByDate, year: Number(londonDate(receivedAt).slice(0, 4)) };
}

/**
 * Stores a request under the first unused reference. `insert` resolves false when the
 * reference is taken (and wrote nothing), and the next one is tried.
 */
export async function insertUnderNewReference(
  year: number,
  newReference: ((year: number) => string) | undefined,
  insert: (reference: string) => Promise<boolean>,
): Promise<string> {
  const make = newReference ?? ((y: number) => randomReference(y));
  for (let attempt = 1; attempt <= MAX_REFERENCE_ATTEMPTS; attempt += 1) {
    const reference = make(year);
    if (await insert(reference)) return reference;
  }
  throw new Error(`Could not find an unused reference after ${MAX_REFERENCE_ATTEMPTS} attempts`);
}

/** A status change with its note trimmed, once the checks that need no database have passed. */
export interface CheckedStatusChange {
  to: RequestStatus;
  from: RequestStatus | undefined;
  by: string;
  note: string | undefined;
}

/** The checks on a status change that need no database: status names, note length, author. */
export function checkStatusChange(reference: string, change: StatusChange): CheckedStatusChange {
  const { to, by } = change;
  const note = change.note?.trim() ? change.note.trim() : undefined;
  if (!isRequestStatus(to)) throw new StatusChangeError('unknown-status', `Unknown status for ${reference}`);
  if (change.from !== undefined && !isRequestStatus(change.from)) {
    throw new StatusChangeError('unknown-status', `Unknown "from" status for ${reference}`);
  }
  if (note !== undefined && note.length > statusNoteMaxLength) {
    throw new StatusChangeError('bad-note', `The note for ${reference} is over ${statusNoteMaxLength} characters`);
  }
  if (by.trim() === '') throw new StatusChangeError('bad-author', `A status change to ${reference} must say who made it`);
  return { to, from: change.from, by, note };
}

/** The checks against the status the request has now, made inside the store's transaction. */
export function checkAgainstCurrent(reference: string, current: RequestStatus, change: CheckedStatusChange): void {
  if (change.from !== undefined && change.from !== current) {
    throw new StatusChangeError('stale', `${reference} changed status while the change was being made`, current);
  }
  if (change.to === current) throw new StatusChangeError('no-change', `${reference} is already ${change.to}`, current);
}

/** The instant before which requests are purged, `days` days before `now`. */
export function purgeCutoff(now: Date, days: number): Date {
  if (!Number.isFinite(days) || days < 0) throw new RangeError(`Expected a number of days of 0 or more, got ${days}`);
  return new Date(now.getTime() - days * MS_PER_DAY);
}

/**
 * A row as either database returns it, with the column names of the SQLite schema and times
 * already as ISO text (the PostgreSQL store converts them in its SELECT).
 */
export type StoredRow = Readonly<Record<string, unknown>>;

/** The columns a RequestRecord is read from, in both databases. */
export const requestColumns = [
  'reference',
  'created_at',
  'reply_by',
  'status',
  'document_title',
  'document_id',
  'format',
  'format_other',
  'assistive_technology',
  'name',
  'contact_method',
  'email',
  'phone',
  'address',
  'postcode',
  'anything_else',
] as const;

function text(row: StoredRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`Request store: column ${column} is not text`);
  return value;
}

function optionalText(row: StoredRow, column: string): string | undefined {
  const value = row[column];
  return typeof value === 'string' ? value : undefined;
}

/** The listed option equal to the column's value; a value the schema does not allow throws. */
export function oneOf<T extends string>(options: readonly T[], row: StoredRow, column: string): T {
  const value = text(row, column);
  const match = options.find((option) => option === value);
  if (match === undefined) throw new Error(`Request store: unexpected ${column} "${value}"`);
  return match;
}

export function toRequestRecord(row: StoredRow): RequestRecord {
  return {
    reference: text(row, 'reference'),
    createdAt: text(row, 'created_at'),
    replyByDate: text(row, 'reply_by'),
    status: oneOf(requestStatuses, row, 'status'),
    request: {
      documentTitle: text(row, 'document_title'),
      documentId: optionalText(row, 'document_id'),
      format: oneOf<FormatId>(formatIds, row, 'format'),
      formatOther: optionalText(row, 'format_other'),
      assistiveTechnology: optionalText(row, 'assistive_technology'),
      name: text(row, 'name'),
      replyBy: oneOf<ReplyMethod>(replyMethods, row, 'contact_method'),
      email: optionalText(row, 'email'),
      phone: optionalText(row, 'phone'),
      address: optionalText(row, 'address'),
      postcode: optionalText(row, 'postcode'),
      anythingElse: optionalText(row, 'anything_else'),
    },
  };
}

export function toAuditEntry(row: StoredRow): AuditEntry {
  return {
    at: text(row, 'changed_at'),
    by: text(row, 'changed_by'),
    from: oneOf(requestStatuses, row, 'from_status'),
    to: oneOf(requestStatuses, row, 'to_status'),
    note: optionalText(row, 'note'),
  };
}

/** A request's fields as the columns they are stored in; absent optional fields are null. */
export function requestColumnValues(request: FormatRequest) {
  return {
    document_title: request.documentTitle,
    document_id: request.documentId ?? null,
    format: request.format,
    format_other: request.formatOther ?? null,
    assistive_technology: request.assistiveTechnology ?? null,
    name: request.name,
    contact_method: request.replyBy,
    email: request.email ?? null,
    phone: request.phone ?? null,
    address: request.address ?? null,
    postcode: request.postcode ?? null,
    anything_else: request.anythingElse ?? null,
  };
}
