/**
 * The default request store: its tables in the SQLite file (src/lib/storage/sqlite.ts), right
 * for a single server; several servers need the PostgreSQL store (postgres-request-store.ts).
 * The rules both share are in store.ts. The connection is opened, migrated and closed by its
 * owner, never by this store.
 */
import { inWriteTransaction, isUniqueClash, type SqliteDatabase } from '../storage/sqlite.ts';
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
  type RequestRecord,
  type RequestStatus,
  type RequestStore,
  type RequestStoreRules,
  type StatusChange,
} from './store.ts';
import type { FormatRequest } from './schema.ts';

const selectColumns = requestColumns.join(', ');

export class SqliteRequestStore implements RequestStore {
  readonly #database: SqliteDatabase;
  readonly #rules: RequestStoreRules;
  readonly #now: () => Date;

  constructor(database: SqliteDatabase, rules: RequestStoreRules) {
    this.#database = database;
    this.#rules = rules;
    this.#now = rules.now ?? (() => new Date());
  }

  get #db() {
    return this.#database.db;
  }

  async add(request: FormatRequest): Promise<RequestRecord> {
    const { createdAt, replyByDate, year } = newRequestDates(this.#now(), this.#rules.replyByFor);
    const reference = await insertUnderNewReference(year, this.#rules.newReference, async (candidate) => {
      try {
        this.#insert(candidate, createdAt, replyByDate, request);
        return true;
      } catch (error) {
        if (isUniqueClash(error, 'format_requests.reference')) return false;
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
    this.#database.checkpoint();
    return Number(result.changes);
  }

  async ready(): Promise<void> {
    await this.#database.ready();
  }
}
