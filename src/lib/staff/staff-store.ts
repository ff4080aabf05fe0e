/**
 * Where staff accounts and sign-in sessions are kept: the storage half of staff sign-in.
 *
 * The rules (password hashing, lockout, idle expiry, CSRF tokens) live in auth.ts and use
 * only this interface. `SqliteStaffStore` and `PostgresStaffStore` implement it on the shared
 * connection from src/lib/storage (`staffStoreOn` in open-store.ts picks one); the tables
 * are made by its migrations, in the same database as the requests.
 *
 * Stores hold no clock: every time comes in as an ISO 8601 UTC instant, which sorts as text.
 * Nothing here logs, and error messages never include usernames, hashes or tokens.
 */

export interface StaffAccount {
  /** Lower case, unique, never changed once made. */
  username: string;
  /** scrypt, with its cost and salt: see password.ts. Never the password itself. */
  passwordHash: string;
  disabled: boolean;
  /** Wrong passwords in a row since the last right one or the last lock. */
  failedAttempts: number;
  /**
   * Until this instant the account is refused, even with the right password, except from an
   * address that has signed in to it before (see knowsAddress).
   */
  lockedUntil: string | undefined;
  /** Goes up by one at each unlock or reset, so waits counted before it no longer apply. */
  signInGeneration: number;
  createdAt: string;
}

export interface StaffSession {
  /** SHA-256 of the session id in the cookie. The id itself is never stored. */
  idHash: string;
  username: string;
  createdAt: string;
  lastSeenAt: string;
  /** Put in every staff form as the hidden field `csrf`; a staff POST without it is refused. */
  csrfToken: string;
}

export interface FailedSignInRule {
  /** The failure that reaches this many in a row locks the account (and starts the count again). */
  maxFailures: number;
  /** When the lock ends, if this failure sets one. */
  lockUntil: string;
  at: string;
}

export interface StaffStore {
  /** Resolves false, changing nothing, when the username is taken. */
  createAccount(account: { username: string; passwordHash: string; createdAt: string }): Promise<boolean>;
  getAccount(username: string): Promise<StaffAccount | undefined>;
  /** Every account, by username. */
  listAccounts(): Promise<StaffAccount[]>;
  /**
   * A new password hash; clears failures and any lock (moving signInGeneration on), enables
   * the account again and ends all its sessions. Resolves false when there is no such account.
   */
  resetAccount(username: string, passwordHash: string, at: string): Promise<boolean>;
  /** Disables the account and ends all its sessions. Resolves false when there is no such account. */
  disableAccount(username: string, at: string): Promise<boolean>;
  /**
   * Counts one more wrong password, in one atomic step so that parallel attempts cannot slip
   * past the limit. Resolves `locked: true` when this failure set a lock.
   */
  recordFailedSignIn(username: string, rule: FailedSignInRule): Promise<{ locked: boolean }>;
  /**
   * A right password: the count of failures starts again. In the same atomic step, checks the
   * account is still enabled and (unless `evenIfLocked`) not locked at `at`: a parallel wrong
   * guess may have locked it while this password was being hashed. Resolves false, changing
   * nothing, if not.
   */
  recordSuccessfulSignIn(username: string, at: string, options?: { evenIfLocked?: boolean }): Promise<boolean>;
  /**
   * Clears the failures and any lock, and moves signInGeneration on. Resolves false when there
   * is no such account.
   */
  unlockAccount(username: string, at: string): Promise<boolean>;
  /**
   * Notes that the account signed in from this address (a hash of it, never the address), and
   * forgets the account's addresses not used since `forgetBefore`.
   */
  rememberAddress(username: string, addressHash: string, at: string, forgetBefore: string): Promise<void>;
  /** Whether the account signed in from this address at or after `since`. */
  knowsAddress(username: string, addressHash: string, since: string): Promise<boolean>;
  createSession(session: StaffSession): Promise<void>;
  /** The session, only while its account exists and is enabled. */
  getSession(idHash: string): Promise<StaffSession | undefined>;
  touchSession(idHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Deletes sessions not seen since `cutoff`; resolves with how many went. */
  deleteSessionsLastSeenBefore(cutoff: string): Promise<number>;
}
