/**
 * Staff accounts and sessions in the shared SQLite file. The tables are made by migration 3 in
 * src/lib/storage/migrations/sqlite.ts. The connection's owner opens and closes it; this class
 * only runs queries on it.
 */
import { inWriteTransaction, isUniqueClash, type SqliteDatabase } from '../storage/sqlite.ts';
import type { FailedSignInRule, StaffAccount, StaffSession, StaffStore } from './staff-store.ts';
import { toStaffAccount as toAccount, toStaffSession as toSession } from './staff-rows.ts';

const accountColumns = 'username, password_hash, disabled, failed_attempts, locked_until, sign_in_generation, created_at';
const sessionColumns = 's.id_hash, s.username, s.created_at, s.last_seen_at, s.csrf_token';

export class SqliteStaffStore implements StaffStore {
  readonly #database: SqliteDatabase;

  constructor(database: SqliteDatabase) {
    this.#database = database;
  }

  get #db() {
    return this.#database.db;
  }

  /** Both statements or neither: an account never stays enabled with a new password but old sessions. */
  #inTransaction<T>(work: () => T): T {
    return inWriteTransaction(this.#db, work);
  }

  async createAccount(account: { username: string; passwordHash: string; createdAt: string }): Promise<boolean> {
    try {
      this.#db
        .prepare('INSERT INTO staff_accounts (username, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(account.username, account.passwordHash, account.createdAt, account.createdAt);
      return true;
    } catch (error) {
      if (isUniqueClash(error)) return false;
      throw error;
    }
  }

  async getAccount(username: string): Promise<StaffAccount | undefined> {
    const row = this.#db.prepare(`SELECT ${accountColumns} FROM staff_accounts WHERE username = ?`).get(username);
    return row ? toAccount(row) : undefined;
  }

  async listAccounts(): Promise<StaffAccount[]> {
    return this.#db.prepare(`SELECT ${accountColumns} FROM staff_accounts ORDER BY username`).all().map(toAccount);
  }

  async resetAccount(username: string, passwordHash: string, at: string): Promise<boolean> {
    return this.#inTransaction(() => {
      const result = this.#db
        .prepare(
          `UPDATE staff_accounts SET password_hash = ?, disabled = 0, failed_attempts = 0, locked_until = NULL,
            sign_in_generation = sign_in_generation + 1, updated_at = ?
          WHERE username = ?`,
        )
        .run(passwordHash, at, username);
      this.#db.prepare('DELETE FROM staff_sessions WHERE username = ?').run(username);
      return Number(result.changes) === 1;
    });
  }

  async disableAccount(username: string, at: string): Promise<boolean> {
    return this.#inTransaction(() => {
      const result = this.#db.prepare('UPDATE staff_accounts SET disabled = 1, updated_at = ? WHERE username = ?').run(at, username);
      this.#db.prepare('DELETE FROM staff_sessions WHERE username = ?').run(username);
      return Number(result.changes) === 1;
    });
  }

  async recordFailedSignIn(username: string, rule: FailedSignInRule): Promise<{ locked: boolean }> {
    // One statement, so two wrong passwords at once cannot both read 4 and write 5. In SET,
    // failed_attempts is the value before this update.
    const row = this.#db
      .prepare(
        `UPDATE staff_accounts SET
          locked_until = CASE WHEN failed_attempts + 1 >= $max THEN $lockUntil ELSE locked_until END,
          failed_attempts = CASE WHEN failed_attempts + 1 >= $max THEN 0 ELSE failed_attempts + 1 END,
          updated_at = $at
        WHERE username = $username
        RETURNING failed_attempts, locked_until`,
      )
      .get({ max: rule.maxFailures, lockUntil: rule.lockUntil, at: rule.at, username });
    return { locked: row !== undefined && row['locked_until'] === rule.lockUntil && Number(row['failed_attempts']) === 0 };
  }

  async recordSuccessfulSignIn(username: string, at: string, options: { evenIfLocked?: boolean } = {}): Promise<boolean> {
    // A lock is left in place for a known address: it still holds for everyone else.
    const row = this.#db
      .prepare(
        `UPDATE staff_accounts SET
          failed_attempts = CASE WHEN locked_until > $at THEN failed_attempts ELSE 0 END,
          locked_until = CASE WHEN locked_until > $at THEN locked_until ELSE NULL END,
          updated_at = $at
        WHERE username = $username AND disabled = 0 AND ($evenIfLocked = 1 OR locked_until IS NULL OR locked_until <= $at)
        RETURNING username`,
      )
      .get({ at, username, evenIfLocked: options.evenIfLocked ? 1 : 0 });
    return row !== undefined;
  }

  async unlockAccount(username: string, at: string): Promise<boolean> {
    const result = this.#db
      .prepare(
        `UPDATE staff_accounts SET failed_attempts = 0, locked_until = NULL, sign_in_generation = sign_in_generation + 1, updated_at = ?
        WHERE username = ?`,
      )
      .run(at, username);
    return Number(result.changes) === 1;
  }

  async rememberAddress(username: string, addressHash: string, at: string, forgetBefore: string): Promise<void> {
    this.#inTransaction(() => {
      this.#db
        .prepare(
          `INSERT INTO staff_known_addresses (username, address_hash, last_signed_in_at) VALUES (?, ?, ?)
          ON CONFLICT (username, address_hash) DO UPDATE SET last_signed_in_at = excluded.last_signed_in_at`,
        )
        .run(username, addressHash, at);
      this.#db.prepare('DELETE FROM staff_known_addresses WHERE username = ? AND last_signed_in_at < ?').run(username, forgetBefore);
    });
  }

  async knowsAddress(username: string, addressHash: string, since: string): Promise<boolean> {
    const row = this.#db
      .prepare('SELECT 1 AS known FROM staff_known_addresses WHERE username = ? AND address_hash = ? AND last_signed_in_at >= ?')
      .get(username, addressHash, since);
    return row !== undefined;
  }

  async createSession(session: StaffSession): Promise<void> {
    this.#db
      .prepare('INSERT INTO staff_sessions (id_hash, username, created_at, last_seen_at, csrf_token) VALUES (?, ?, ?, ?, ?)')
      .run(session.idHash, session.username, session.createdAt, session.lastSeenAt, session.csrfToken);
  }

  async getSession(idHash: string): Promise<StaffSession | undefined> {
    const row = this.#db
      .prepare(
        `SELECT ${sessionColumns} FROM staff_sessions s JOIN staff_accounts a ON a.username = s.username
        WHERE s.id_hash = ? AND a.disabled = 0`,
      )
      .get(idHash);
    return row ? toSession(row) : undefined;
  }

  async touchSession(idHash: string, lastSeenAt: string): Promise<void> {
    this.#db.prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?').run(lastSeenAt, idHash);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.#db.prepare('DELETE FROM staff_sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteSessionsLastSeenBefore(cutoff: string): Promise<number> {
    return Number(this.#db.prepare('DELETE FROM staff_sessions WHERE last_seen_at < ?').run(cutoff).changes);
  }
}
