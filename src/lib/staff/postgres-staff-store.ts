/**
 * Staff accounts and sessions in the shared PostgreSQL database, so that a person signed in
 * through one server instance is signed in on all of them, and a lock set by wrong passwords
 * sent to one holds on every other. The tables are made by migration 3 in
 * src/lib/storage/migrations/postgres.ts; the connection's owner opens and closes the pool.
 */
import { isoInstant, type PostgresDatabase, type Sql } from '../storage/postgres.ts';
import type { FailedSignInRule, StaffAccount, StaffSession, StaffStore } from './staff-store.ts';
import { toStaffAccount as toAccount, toStaffSession as toSession } from './staff-rows.ts';

export class PostgresStaffStore implements StaffStore {
  readonly #database: PostgresDatabase;

  constructor(database: PostgresDatabase) {
    this.#database = database;
  }

  /** The pool, once the schema is up to date. */
  #query(): Promise<Sql> {
    return this.#database.sql();
  }

  #accountColumns(sql: Sql) {
    return sql`username, password_hash, disabled, failed_attempts, sign_in_generation,
      ${isoInstant(sql, 'locked_until')}, ${isoInstant(sql, 'created_at')}`;
  }

  async createAccount(account: { username: string; passwordHash: string; createdAt: string }): Promise<boolean> {
    const sql = await this.#query();
    const rows = await sql`INSERT INTO staff_accounts (username, password_hash, created_at, updated_at)
      VALUES (${account.username}, ${account.passwordHash}, ${account.createdAt}, ${account.createdAt})
      ON CONFLICT (username) DO NOTHING RETURNING username`;
    return rows.length === 1;
  }

  async getAccount(username: string): Promise<StaffAccount | undefined> {
    const sql = await this.#query();
    const [row] = await sql`SELECT ${this.#accountColumns(sql)} FROM staff_accounts WHERE username = ${username}`;
    return row ? toAccount(row) : undefined;
  }

  async listAccounts(): Promise<StaffAccount[]> {
    const sql = await this.#query();
    return (await sql`SELECT ${this.#accountColumns(sql)} FROM staff_accounts ORDER BY username`).map(toAccount);
  }

  async resetAccount(username: string, passwordHash: string, at: string): Promise<boolean> {
    const sql = await this.#query();
    // Both statements or neither: an account never stays enabled with a new password but old sessions.
    return sql.begin(async (tx) => {
      const updated = await tx`UPDATE staff_accounts
        SET password_hash = ${passwordHash}, disabled = false, failed_attempts = 0, locked_until = NULL,
          sign_in_generation = sign_in_generation + 1, updated_at = ${at}
        WHERE username = ${username}`;
      await tx`DELETE FROM staff_sessions WHERE username = ${username}`;
      return updated.count === 1;
    });
  }

  async disableAccount(username: string, at: string): Promise<boolean> {
    const sql = await this.#query();
    return sql.begin(async (tx) => {
      const updated = await tx`UPDATE staff_accounts SET disabled = true, updated_at = ${at} WHERE username = ${username}`;
      await tx`DELETE FROM staff_sessions WHERE username = ${username}`;
      return updated.count === 1;
    });
  }

  async recordFailedSignIn(username: string, rule: FailedSignInRule): Promise<{ locked: boolean }> {
    const sql = await this.#query();
    // One statement, so two wrong passwords at once (on two servers, even) cannot both read 4
    // and write 5: the second waits for the first's row lock and then sees its result. In SET,
    // failed_attempts is the value before this update.
    const [row] = await sql`UPDATE staff_accounts SET
        locked_until = CASE WHEN failed_attempts + 1 >= ${rule.maxFailures}::integer
          THEN ${rule.lockUntil}::timestamptz ELSE locked_until END,
        failed_attempts = CASE WHEN failed_attempts + 1 >= ${rule.maxFailures}::integer
          THEN 0 ELSE failed_attempts + 1 END,
        updated_at = ${rule.at}
      WHERE username = ${username}
      RETURNING failed_attempts = 0 AND locked_until = ${rule.lockUntil}::timestamptz AS locked`;
    return { locked: row?.['locked'] === true };
  }

  async recordSuccessfulSignIn(username: string, at: string, options: { evenIfLocked?: boolean } = {}): Promise<boolean> {
    const sql = await this.#query();
    // A lock is left in place for a known address: it still holds for everyone else.
    const rows = await sql`UPDATE staff_accounts SET
        failed_attempts = CASE WHEN locked_until > ${at}::timestamptz THEN failed_attempts ELSE 0 END,
        locked_until = CASE WHEN locked_until > ${at}::timestamptz THEN locked_until ELSE NULL END,
        updated_at = ${at}
      WHERE username = ${username} AND NOT disabled
        AND (${options.evenIfLocked === true}::boolean OR locked_until IS NULL OR locked_until <= ${at}::timestamptz)
      RETURNING username`;
    return rows.length === 1;
  }

  async unlockAccount(username: string, at: string): Promise<boolean> {
    const sql = await this.#query();
    const updated = await sql`UPDATE staff_accounts
      SET failed_attempts = 0, locked_until = NULL, sign_in_generation = sign_in_generation + 1, updated_at = ${at}
      WHERE username = ${username}`;
    return updated.count === 1;
  }

  async rememberAddress(username: string, addressHash: string, at: string, forgetBefore: string): Promise<void> {
    const sql = await this.#query();
    await sql.begin(async (tx) => {
      await tx`INSERT INTO staff_known_addresses (username, address_hash, last_signed_in_at)
        VALUES (${username}, ${addressHash}, ${at})
        ON CONFLICT (username, address_hash) DO UPDATE SET last_signed_in_at = excluded.last_signed_in_at`;
      await tx`DELETE FROM staff_known_addresses WHERE username = ${username} AND last_signed_in_at < ${forgetBefore}::timestamptz`;
    });
  }

  async knowsAddress(username: string, addressHash: string, since: string): Promise<boolean> {
    const sql = await this.#query();
    const rows = await sql`SELECT 1 FROM staff_known_addresses
      WHERE username = ${username} AND address_hash = ${addressHash} AND last_signed_in_at >= ${since}::timestamptz`;
    return rows.length === 1;
  }

  async createSession(session: StaffSession): Promise<void> {
    const sql = await this.#query();
    await sql`INSERT INTO staff_sessions (id_hash, username, created_at, last_seen_at, csrf_token)
      VALUES (${session.idHash}, ${session.username}, ${session.createdAt}, ${session.lastSeenAt}, ${session.csrfToken})`;
  }

  async getSession(idHash: string): Promise<StaffSession | undefined> {
    const sql = await this.#query();
    const [row] = await sql`SELECT s.id_hash, s.username, ${isoInstant(sql, 's.created_at')},
        ${isoInstant(sql, 's.last_seen_at')}, s.csrf_token
      FROM staff_sessions s JOIN staff_accounts a ON a.username = s.username
      WHERE s.id_hash = ${idHash} AND NOT a.disabled`;
    return row ? toSession(row) : undefined;
  }

  async touchSession(idHash: string, lastSeenAt: string): Promise<void> {
    const sql = await this.#query();
    await sql`UPDATE staff_sessions SET last_seen_at = ${lastSeenAt} WHERE id_hash = ${idHash}`;
  }

  async deleteSession(idHash: string): Promise<void> {
    const sql = await this.#query();
    await sql`DELETE FROM staff_sessions WHERE id_hash = ${idHash}`;
  }

  async deleteSessionsLastSeenBefore(cutoff: string): Promise<number> {
    const sql = await this.#query();
    return (await sql`DELETE FROM staff_sessions WHERE last_seen_at < ${cutoff}::timestamptz`).count;
  }
}
