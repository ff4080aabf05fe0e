/**
 * Where accessible-format requests are kept until staff have replied.
 *
 * `RequestStore` is what the endpoint, the staff CLI and the staff queue (/staff/) use.
 * `SqliteRequestStore` is the default, a single file under DATA_DIR that also holds the staff
 * accounts and sessions (its `staff` property, see src/lib/staff/); a PostgreSQL store can
 * implement the same interfaces for several instances behind a load balancer.
 *
 * These records hold personal data (names, contact details), so nothing here logs, and
 * error messages name references and columns, never values.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SQLOutputValue } from 'node:sqlite';
import { londonDate } from '../working-days.ts';
import { newReference as randomReference } from './reference.ts';
import { formatIds, replyMethods } from './schema.ts';
import type { FormatId, FormatRequest, ReplyMethod } from './schema.ts';
import { SqliteStaffStore } from '../staff/sqlite-staff-store.ts';
import type { StaffStore } from '../staff/staff-store.ts';

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
  close(): Promise<void>;
}

export interface SqliteRequestStoreOptions {
  /** The database file; the server passes `${DATA_DIR}/requests.sqlite`. */
  path: string;
  /** The promised reply date for a request received at this moment (see replyByDate in working-days.ts). */
  replyByFor: (receivedAt: Date) => string;
  /** The clock, replaceable in tests. */
  now?: () => Date;
  /** The reference maker, replaceable in tests to force a clash. */
  newReference?: (year: number) => string;
  /** How long to wait for another process's write lock before giving up. */
  busyTimeoutMs?: number;
}

interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * Applied in order, each once, recorded in schema_migrations. Never edit one that has
 * shipped: add a new version instead, so existing files are brought up to date.
 */
const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'format_requests table',
    sql: `
      CREATE TABLE format_requests (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        reply_by TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'new',
        document_title TEXT NOT NULL,
        document_id TEXT,
        format TEXT NOT NULL,
        format_other TEXT,
        assistive_technology TEXT,
        name TEXT NOT NULL,
        contact_method TEXT NOT NULL,
        email TEXT,
        phone TEXT,
        address TEXT,
        postcode TEXT,
        anything_else TEXT
      ) STRICT;
      CREATE INDEX format_requests_by_status ON format_requests (status, created_at);
      CREATE INDEX format_requests_by_created ON format_requests (created_at);
    `,
  },
  {
    version: 2,
    description: 'statuses new, in-progress, sent, closed; status_changes audit table',
    sql: `
      UPDATE format_requests SET status = 'sent' WHERE status = 'replied';
      CREATE TABLE status_changes (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES format_requests (id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX status_changes_by_request ON status_changes (request_id, id);
    `,
  },
  {
    version: 3,
    description: 'staff_accounts and staff_sessions tables',
    sql: `
      CREATE TABLE staff_accounts (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE staff_sessions (
        id_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        csrf_token TEXT NOT NULL
      ) STRICT;
      CREATE INDEX staff_sessions_by_username ON staff_sessions (username);
      CREATE INDEX staff_sessions_by_last_seen ON staff_sessions (last_seen_at);
    `,
  },
];

const SQLITE_CONSTRAINT_UNIQUE = 2067;
/** A clash is about one in 10^11 per pair; five in a row means something else is wrong. */
const MAX_REFERENCE_ATTEMPTS = 5;
const MS_PER_DAY = 86_400_000;

const selectColumns = `reference, created_at, reply_by, status, document_title, document_id, format,
  format_other, assistive_technology, name, contact_method, email, phone, address, postcode, anything_else`;

type Row = Record<string, SQLOutputValue>;

function isInMemory(path: string): boolean {
  return path === ':memory:' || path === '';
}

function openDatabase(path: string, busyTimeoutMs: number): DatabaseSync {
  if (!isInMemory(path)) mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  try {
    // Set first: the pragmas below may need a lock another process holds for a moment.
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    useWriteAheadLog(db, path);
    // FULL syncs the log on every commit, so a request survives a power cut once the
    // person has seen their reference number.
    db.exec('PRAGMA synchronous = FULL');
    // Overwrite deleted rows with zeros, so purged personal data does not linger in free pages.
    db.exec('PRAGMA secure_delete = ON');
    // Off by default in SQLite; on, purging a request also deletes its status history.
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** WAL lets readers (staff export) and the writer (the form) work at the same time. */
function useWriteAheadLog(db: DatabaseSync, path: string): void {
  const row = db.prepare('PRAGMA journal_mode = WAL').get();
  const mode = row?.['journal_mode'];
  if (!isInMemory(path) && mode !== 'wal') {
    throw new Error(`Could not switch the request store to WAL mode (got "${String(mode)}"): is ${path} on a local disk?`);
  }
}

function migrate(db: DatabaseSync): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  refuseNewerSchema(db);
  for (const migration of migrations) applyOnce(db, migration);
}

/** A file written by a newer version of this code may hold columns we would silently drop. */
function refuseNewerSchema(db: DatabaseSync): void {
  const newest = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get()?.['version'];
  const known = migrations.at(-1)?.version ?? 0;
  if (typeof newest === 'number' && newest > known) {
    throw new Error(`The request store is at schema version ${newest}, newer than this code knows (${known})`);
  }
}

function applyOnce(db: DatabaseSync, migration: Migration): void {
  // IMMEDIATE takes the write lock before checking, so two processes opening the same new
  // file at once cannot both apply a migration.
  db.exec('BEGIN IMMEDIATE');
  try {
    const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
    if (!applied) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.description,
        new Date().toISOString(),
      );
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function isReferenceClash(error: unknown): boolean {
  return (
    error instanceof Error &&
    'errcode' in error &&
    error.errcode === SQLITE_CONSTRAINT_UNIQUE &&
    error.message.includes('format_requests.reference')
  );
}

function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`Request store: column ${column} is not text`);
  return value;
}

function optionalText(row: Row, column: string): string | undefined {
  const value = row[column];
  return typeof value === 'string' ? value : undefined;
}

function oneOf<T extends string>(options: readonly T[], row: Row, column: string): T {
  const value = text(row, column);
  const match = options.find((option) => option === value);
  if (match === undefined) throw new Error(`Request store: unexpected ${column} "${value}"`);
  return match;
}

function toAuditEntry(row: Row): AuditEntry {
  return {
    at: text(row, 'changed_at'),
    by: text(row, 'changed_by'),
    from: oneOf(requestStatuses, row, 'from_status'),
    to: oneOf(requestStatuses, row, 'to_status'),
    note: optionalText(row, 'note'),
  };
}

/** Runs `work` holding the write lock, so a read and the writes that depend on it cannot interleave with another process. */
function inWriteTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function toRecord(row: Row): RequestRecord {
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

export class SqliteRequestStore implements RequestStore {
  readonly #db: DatabaseSync;
  readonly #replyByFor: (receivedAt: Date) => string;
  readonly #now: () => Date;
  readonly #newReference: (year: number) => string;
  /** Staff accounts and sessions, kept in the same file (see src/lib/staff/). */
  readonly staff: StaffStore;

  constructor(options: SqliteRequestStoreOptions) {
    this.#db = openDatabase(options.path, options.busyTimeoutMs ?? 5_000);
    this.#replyByFor = options.replyByFor;
    this.#now = options.now ?? (() => new Date());
    this.#newReference = options.newReference ?? ((year) => randomReference(year));
    this.staff = new SqliteStaffStore(this.#db);
  }

  async add(request: FormatRequest): Promise<RequestRecord> {
    const receivedAt = this.#now();
    // Worked out before writing: a date we cannot promise (OutsideCalendarError) stores nothing.
    const replyByDate = this.#replyByFor(receivedAt);
    const year = Number(londonDate(receivedAt).slice(0, 4));
    const createdAt = receivedAt.toISOString();
    for (let attempt = 1; attempt <= MAX_REFERENCE_ATTEMPTS; attempt += 1) {
      const reference = this.#newReference(year);
      try {
        this.#insert(reference, createdAt, replyByDate, request);
        return { reference, createdAt, replyByDate, status: 'new', request: { ...request } };
      } catch (error) {
        if (!isReferenceClash(error)) throw error;
      }
    }
    throw new Error(`Could not find an unused reference after ${MAX_REFERENCE_ATTEMPTS} attempts`);
  }

  #insert(reference: string, createdAt: string, replyByDate: string, request: FormatRequest): void {
    this.#db
      .prepare(
        `INSERT INTO format_requests (reference, created_at, reply_by, document_title, document_id, format,
          format_other, assistive_technology, name, contact_method, email, phone, address, postcode, anything_else)
        VALUES ($reference, $createdAt, $replyBy, $documentTitle, $documentId, $format, $formatOther,
          $assistiveTechnology, $name, $contactMethod, $email, $phone, $address, $postcode, $anythingElse)`,
      )
      .run({
        reference,
        createdAt,
        replyBy: replyByDate,
        documentTitle: request.documentTitle,
        documentId: request.documentId ?? null,
        format: request.format,
        formatOther: request.formatOther ?? null,
        assistiveTechnology: request.assistiveTechnology ?? null,
        name: request.name,
        contactMethod: request.replyBy,
        email: request.email ?? null,
        phone: request.phone ?? null,
        address: request.address ?? null,
        postcode: request.postcode ?? null,
        anythingElse: request.anythingElse ?? null,
      });
  }

  async get(reference: string): Promise<RequestRecord | undefined> {
    const row = this.#db.prepare(`SELECT ${selectColumns} FROM format_requests WHERE reference = ?`).get(reference);
    return row ? toRecord(row) : undefined;
  }

  async list(options: { status?: RequestStatus } = {}): Promise<RequestRecord[]> {
    const rows =
      options.status === undefined
        ? this.#db.prepare(`SELECT ${selectColumns} FROM format_requests ORDER BY created_at, id`).all()
        : this.#db
            .prepare(`SELECT ${selectColumns} FROM format_requests WHERE status = ? ORDER BY created_at, id`)
            .all(options.status);
    return rows.map(toRecord);
  }

  async count(): Promise<number> {
    const row = this.#db.prepare('SELECT COUNT(*) AS n FROM format_requests').get();
    return Number(row?.['n'] ?? 0);
  }

  async changeStatus(reference: string, change: StatusChange): Promise<AuditEntry> {
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
    const at = this.#now().toISOString();
    return inWriteTransaction(this.#db, () => {
      const row = this.#db.prepare('SELECT id, status FROM format_requests WHERE reference = ?').get(reference);
      if (!row) throw new StatusChangeError('not-found', `No request ${reference}`);
      const current = oneOf(requestStatuses, row, 'status');
      if (change.from !== undefined && change.from !== current) {
        throw new StatusChangeError('stale', `${reference} changed status while the change was being made`, current);
      }
      if (current === to) throw new StatusChangeError('no-change', `${reference} is already ${to}`, current);
      this.#db.prepare('UPDATE format_requests SET status = ? WHERE id = ?').run(to, row['id'] ?? null);
      this.#db
        .prepare(
          `INSERT INTO status_changes (request_id, changed_at, changed_by, from_status, to_status, note)
          VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(row['id'] ?? null, at, by, current, to, note ?? null);
      return { at, by, from: current, to, note };
    });
  }

  async auditLog(reference: string): Promise<AuditEntry[]> {
    const rows = this.#db
      .prepare(
        `SELECT c.changed_at, c.changed_by, c.from_status, c.to_status, c.note
        FROM status_changes c JOIN format_requests r ON r.id = c.request_id
        WHERE r.reference = ? ORDER BY c.id`,
      )
      .all(reference);
    return rows.map(toAuditEntry);
  }

  async purgeOlderThan(days: number): Promise<number> {
    if (!Number.isFinite(days) || days < 0) throw new RangeError(`Expected a number of days of 0 or more, got ${days}`);
    // ISO instants in UTC sort as strings, so a string comparison finds the older rows.
    const cutoff = new Date(this.#now().getTime() - days * MS_PER_DAY).toISOString();
    const result = this.#db.prepare('DELETE FROM format_requests WHERE created_at < ?').run(cutoff);
    // Copy the log into the main file and empty it, so deleted rows do not survive in the WAL.
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return Number(result.changes);
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
