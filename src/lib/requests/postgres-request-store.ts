/**
 * The request store for several servers: one PostgreSQL database that every server instance
 * shares, chosen when DATABASE_URL is set (src/lib/storage). It behaves exactly as the SQLite store
 * does (the same test suite runs against both); the rules they share are in store.ts.
 *
 * - The schema is brought up to date by the connection before the first query
 *   (src/lib/storage/postgres.ts), under an advisory lock, so instances starting together
 *   apply each version once.
 * - A request is confirmed only after its INSERT has committed, so a server killed at any
 *   moment loses nothing it has confirmed.
 * - A status change locks the request's row (SELECT ... FOR UPDATE) while it checks and
 *   writes, so two staff on two servers cannot both change it from the same status.
 *
 * Times are `timestamptz` in the database and ISO 8601 UTC text here, converted in SQL.
 */
import { isoInstant, isoInstantSql, type PostgresDatabase, type Sql } from '../storage/postgres.ts';
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

/** The columns a RequestRecord is read from, with the time and date turned into text. */
const selectColumns = requestColumns
  .map((column) =>
    column === 'created_at' ? isoInstantSql(column) : column === 'reply_by' ? `to_char(reply_by, 'YYYY-MM-DD') AS reply_by` : column,
  )
  .join(', ');

export class PostgresRequestStore implements RequestStore {
  readonly #database: PostgresDatabase;
  readonly #rules: RequestStoreRules;
  readonly #now: () => Date;

  constructor(database: PostgresDatabase, rules: RequestStoreRules) {
    this.#database = database;
    this.#rules = rules;
    this.#now = rules.now ?? (() => new Date());
  }

  /** Resolves once the database answers and its schema is up to date (see RequestStore). */
  async ready(): Promise<void> {
    await this.#database.ready();
  }

  #select(sql: Sql) {
    return sql.unsafe(selectColumns);
  }

  async add(request: FormatRequest): Promise<RequestRecord> {
    const { createdAt, replyByDate, year } = newRequestDates(this.#now(), this.#rules.replyByFor);
    const sql = await this.#database.sql();
    const values = { created_at: createdAt, reply_by: replyByDate, ...requestColumnValues(request) };
    const reference = await insertUnderNewReference(year, this.#rules.newReference, async (candidate) => {
      // ON CONFLICT rather than catching the error: a clash leaves nothing to roll back.
      const rows = await sql`INSERT INTO format_requests ${sql({ reference: candidate, ...values })}
        ON CONFLICT (reference) DO NOTHING RETURNING id`;
      return rows.length === 1;
    });
    return { reference, createdAt, replyByDate, status: 'new', request: { ...request } };
  }

  async get(reference: string): Promise<RequestRecord | undefined> {
    const sql = await this.#database.sql();
    const [row] = await sql`SELECT ${this.#select(sql)} FROM format_requests WHERE reference = ${reference}`;
    return row ? toRequestRecord(row) : undefined;
  }

  async list(options: { status?: RequestStatus } = {}): Promise<RequestRecord[]> {
    const sql = await this.#database.sql();
    const rows =
      options.status === undefined
        ? await sql`SELECT ${this.#select(sql)} FROM format_requests ORDER BY created_at, id`
        : await sql`SELECT ${this.#select(sql)} FROM format_requests WHERE status = ${options.status} ORDER BY created_at, id`;
    return rows.map(toRequestRecord);
  }

  async count(): Promise<number> {
    const sql = await this.#database.sql();
    const [row] = await sql`SELECT COUNT(*)::integer AS n FROM format_requests`;
    return Number(row?.['n'] ?? 0);
  }

  async changeStatus(reference: string, change: StatusChange): Promise<AuditEntry> {
    const checked = checkStatusChange(reference, change);
    const at = this.#now().toISOString();
    const sql = await this.#database.sql();
    return sql.begin(async (tx) => {
      const [row] = await tx`SELECT id, status FROM format_requests WHERE reference = ${reference} FOR UPDATE`;
      if (!row) throw new StatusChangeError('not-found', `No request ${reference}`);
      const current = oneOf(requestStatuses, row, 'status');
      checkAgainstCurrent(reference, current, checked);
      await tx`UPDATE format_requests SET status = ${checked.to} WHERE id = ${row['id']}`;
      await tx`INSERT INTO status_changes (request_id, changed_at, changed_by, from_status, to_status, note)
        VALUES (${row['id']}, ${at}, ${checked.by}, ${current}, ${checked.to}, ${checked.note ?? null})`;
      const entry: AuditEntry = { at, by: checked.by, from: current, to: checked.to, note: checked.note };
      return entry;
    });
  }

  async auditLog(reference: string): Promise<AuditEntry[]> {
    const sql = await this.#database.sql();
    const rows = await sql`SELECT ${isoInstant(sql, 'c.changed_at')}, c.changed_by, c.from_status, c.to_status, c.note
      FROM status_changes c JOIN format_requests r ON r.id = c.request_id
      WHERE r.reference = ${reference} ORDER BY c.id`;
    return rows.map(toAuditEntry);
  }

  async purgeOlderThan(days: number): Promise<number> {
    const cutoff = purgeCutoff(this.#now(), days).toISOString();
    const sql = await this.#database.sql();
    const result = await sql`DELETE FROM format_requests WHERE created_at < ${cutoff}`;
    return result.count;
  }
}
