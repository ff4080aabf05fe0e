/**
 * The default request store: one SQLite file under DATA_DIR (node:sqlite), which also holds
 * the staff accounts and sessions. Right for a single server; several servers need the
 * PostgreSQL store (postgres-request-store.ts). The rules both share are in store.ts.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { refuseNewerSchema, type Migration } from './migrations/migration.ts';
import { sqliteMigrations } from './migrations/sqlite.ts';
import {
  checkAgainstCurrent,
  checkStatusChange,
  insertUnderNewReference,
  newRequestDates,
  oneOf,
  purgeCutoff,
  requestColumns,
  requestColumnValues,
  requestStatuses,
  StatusChangeError,
  toAuditEntry,
  toRequestRecord,
  type AuditEntry,
  type RequestDatabase,
  type RequestRecord,
  type RequestStatus,
  type RequestStoreRules,
  type StatusChange,
} from './store.ts';
import type { FormatRequest } from './schema.ts';
import { SqliteStaffStore } from '../staff/sqlite-staff-store.ts';
import type { StaffStore } from '../staff/staff-store.ts';

export interface SqliteRequestStoreOptions extends RequestStoreRules {
  /** The database file; the server passes `${DATA_DIR}/requests.sqlite`. */
  path: string;
  /** How long to wait for another process's write lock before giving up. */
  busyTimeoutMs?: number;
}

const SQLITE_CONSTRAINT_UNIQUE = 2067;

const selectColumns = requestColumns.join(', ');

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
  const newest = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get()?.['version'];
  refuseNewerSchema(typeof newest === 'number' ? newest : undefined, sqliteMigrations);
  for (const migration of sqliteMigrations) applyOnce(db, migration);
}

function applyOnce(db: DatabaseSync, migration: Migration): void {
  // IMMEDIATE takes the write lock before checking, so two processes opening the same new
  // file at once cannot both apply a migration.
  inWriteTransaction(db, () => {
    const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
    if (applied) return;
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(
      migration.version,
      migration.description,
      new Date().toISOString(),
    );
  });
}

function isReferenceClash(error: unknown): boolean {
  return (
    error instanceof Error &&
    'errcode' in error &&
    error.errcode === SQLITE_CONSTRAINT_UNIQUE &&
    error.message.includes('format_requests.reference')
  );
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

export class SqliteRequestStore implements RequestDatabase {
  readonly #db: DatabaseSync;
  readonly #rules: RequestStoreRules;
  readonly #now: () => Date;
  /** Staff accounts and sessions, kept in the same file (see src/lib/staff/). */
  readonly staff: StaffStore;

  constructor(options: SqliteRequestStoreOptions) {
    this.#db = openDatabase(options.path, options.busyTimeoutMs ?? 5_000);
    this.#rules = options;
    this.#now = options.now ?? (() => new Date());
    this.staff = new SqliteStaffStore(this.#db);
  }

  async add(request: FormatRequest): Promise<RequestRecord> {
    const { createdAt, replyByDate, year } = newRequestDates(this.#now(), this.#rules.replyByFor);
    const reference = await insertUnderNewReference(year, this.#rules.newReference, async (candidate) => {
      try {
        this.#insert(candidate, createdAt, replyByDate, request);
        return true;
      } catch (error) {
        if (isReferenceClash(error)) return false;
        throw error;
      }
    });
    return { reference, createdAt, replyByDate, status: 'new', request: { ...request } };
  }

  #insert(reference: string, createdAt: string, replyByDate: string, request: FormatRequest): void {
    const values = { reference, created_at: createdAt, reply_by: replyByDate, ...requestColumnValues(request) };
    const columns = Object.keys(values);
    this.#db
      .prepare(`INSERT INTO format_requests (${columns.join(', ')}) VALUES (${columns.map((c) => `$${c}`).join(', ')})`)
      .run(values);
  }

  async get(reference: string): Promise<RequestRecord | undefined> {
    const row = this.#db.prepare(`SELECT ${selectColumns} FROM format_requests WHERE reference = ?`).get(reference);
    return row ? toRequestRecord(row) : undefined;
  }

  async list(options: { status?: RequestStatus } = {}): Promise<RequestRecord[]> {
    const rows =
      options.status === undefined
        ? this.#db.prepare(`SELECT ${selectColumns} FROM format_requests ORDER BY created_at, id`).all()
        : this.#db
            .prepare(`SELECT ${selectColumns} FROM format_requests WHERE status = ? ORDER BY created_at, id`)
            .all(options.status);
    return rows.map(toRequestRecord);
  }

  async count(): Promise<number> {
    const row = this.#db.prepare('SELECT COUNT(*) AS n FROM format_requests').get();
    return Number(row?.['n'] ?? 0);
  }

  async changeStatus(reference: string, change: StatusChange): Promise<AuditEntry> {
    const checked = checkStatusChange(reference, change);
    const at = this.#now().toISOString();
    return inWriteTransaction(this.#db, () => {
      const row = this.#db.prepare('SELECT id, status FROM format_requests WHERE reference = ?').get(reference);
      if (!row) throw new StatusChangeError('not-found', `No request ${reference}`);
      const current = oneOf(requestStatuses, row, 'status');
      checkAgainstCurrent(reference, current, checked);
      this.#db.prepare('UPDATE format_requests SET status = ? WHERE id = ?').run(checked.to, row['id'] ?? null);
      this.#db
        .prepare(
          `INSERT INTO status_changes (request_id, changed_at, changed_by, from_status, to_status, note)
          VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(row['id'] ?? null, at, checked.by, current, checked.to, checked.note ?? null);
      return { at, by: checked.by, from: current, to: checked.to, note: checked.note };
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
    // ISO instants in UTC sort as strings, so a string comparison finds the older rows.
    const cutoff = purgeCutoff(this.#now(), days).toISOString();
    const result = this.#db.prepare('DELETE FROM format_requests WHERE created_at < ?').run(cutoff);
    // Copy the log into the main file and empty it, so deleted rows do not survive in the WAL.
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return Number(result.changes);
  }

  async ready(): Promise<void> {
    // The file was opened and migrated by the constructor; this checks it can still be read.
    this.#db.prepare('SELECT 1 FROM schema_migrations LIMIT 1').get();
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
