/**
 * Staff sign-in rules, over any StaffStore:
 *
 * - passwords are hashed with scrypt (password.ts), 12 characters or more;
 * - 5 wrong passwords in a row lock an account for 15 minutes; a locked or disabled account
 *   is refused even with the right password;
 * - a refusal never says why, and takes one scrypt hash however it was reached, so neither
 *   the answer nor its timing shows whether a username exists;
 * - a session is a random 32-byte id in a cookie, stored hashed, that ends after 8 hours
 *   without a request (or at sign-out, password reset or disabling), with its own CSRF token.
 *
 * Nothing here logs usernames, passwords, ids or tokens. `onLock` hears that some account
 * was locked, and no more, so the server can log it.
 */
import { defaultScryptCost, hashPassword, passwordProblem, verifyPassword, type ScryptCost } from './password.ts';
import type { StaffAccount, StaffStore } from './staff-store.ts';
import { hashSessionId, isToken, newToken } from './tokens.ts';

export const staffSignInPolicy = Object.freeze({
  maxFailures: 5,
  lockMinutes: 15,
  idleHours: 8,
});

const MS_PER_MINUTE = 60_000;
/** last_seen is written at most once a minute per session, not on every page. */
const TOUCH_INTERVAL_MS = MS_PER_MINUTE;

/** Lower-case letters, digits, dots, hyphens and underscores, starting with a letter or digit. */
const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** How a username is compared: "Sam.Jones " and "sam.jones" are the same account. */
export function normaliseUsername(value: string): string {
  return value.trim().toLowerCase();
}

export function usernameProblem(username: string): string | undefined {
  return usernamePattern.test(username)
    ? undefined
    : 'A username must be 2 to 64 characters: lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit';
}

export type StaffAccountProblem = 'bad-username' | 'weak-password' | 'exists' | 'not-found';

/** An account change that was refused; nothing was written. The message names no account. */
export class StaffAccountError extends Error {
  override readonly name = 'StaffAccountError';
  readonly problem: StaffAccountProblem;

  constructor(problem: StaffAccountProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

/** What the pages know about the person signed in. */
export interface SignedInStaff {
  username: string;
  csrfToken: string;
}

export interface NewSession extends SignedInStaff {
  /** Goes in the cookie, and nowhere else. */
  sessionId: string;
}

export type SignInResult = ({ ok: true } & NewSession) | { ok: false };

/** An account as the CLI shows it: never the hash. */
export interface StaffAccountSummary {
  username: string;
  disabled: boolean;
  locked: boolean;
  createdAt: string;
}

export interface StaffAuthOptions {
  store: StaffStore;
  /** The clock, replaceable in tests. */
  now?: () => Date;
  /** Lower only in tests. */
  scryptCost?: ScryptCost;
  maxFailures?: number;
  lockMs?: number;
  idleMs?: number;
  /** Called when a run of wrong passwords locks an account; told nothing about which. */
  onLock?: () => void;
}

export class StaffAuth {
  readonly #store: StaffStore;
  readonly #now: () => Date;
  readonly #cost: ScryptCost;
  readonly #maxFailures: number;
  readonly #lockMs: number;
  readonly #idleMs: number;
  readonly #onLock: () => void;
  #dummyHash: Promise<string> | undefined;

  constructor(options: StaffAuthOptions) {
    this.#store = options.store;
    this.#now = options.now ?? (() => new Date());
    this.#cost = options.scryptCost ?? defaultScryptCost;
    this.#maxFailures = options.maxFailures ?? staffSignInPolicy.maxFailures;
    this.#lockMs = options.lockMs ?? staffSignInPolicy.lockMinutes * MS_PER_MINUTE;
    this.#idleMs = options.idleMs ?? staffSignInPolicy.idleHours * 60 * MS_PER_MINUTE;
    this.#onLock = options.onLock ?? (() => {});
  }

  // ----- accounts -----

  async #checkedHash(username: string, password: string): Promise<string> {
    const badName = usernameProblem(username);
    if (badName) throw new StaffAccountError('bad-username', badName);
    const weak = passwordProblem(password);
    if (weak) throw new StaffAccountError('weak-password', weak);
    return hashPassword(password, this.#cost);
  }

  async addAccount(username: string, password: string): Promise<string> {
    const name = normaliseUsername(username);
    const passwordHash = await this.#checkedHash(name, password);
    const created = await this.#store.createAccount({ username: name, passwordHash, createdAt: this.#now().toISOString() });
    if (!created) throw new StaffAccountError('exists', 'There is already an account with that username');
    return name;
  }

  /** A new password; also unlocks and re-enables the account and signs it out everywhere. */
  async resetAccount(username: string, password: string): Promise<string> {
    const name = normaliseUsername(username);
    const passwordHash = await this.#checkedHash(name, password);
    if (!(await this.#store.resetAccount(name, passwordHash, this.#now().toISOString()))) {
      throw new StaffAccountError('not-found', 'There is no account with that username');
    }
    return name;
  }

  /** Refuses every later sign-in and ends the account's sessions at once. */
  async disableAccount(username: string): Promise<string> {
    const name = normaliseUsername(username);
    if (!(await this.#store.disableAccount(name, this.#now().toISOString()))) {
      throw new StaffAccountError('not-found', 'There is no account with that username');
    }
    return name;
  }

  async listAccounts(): Promise<StaffAccountSummary[]> {
    const now = this.#now().getTime();
    return (await this.#store.listAccounts()).map((account) => ({
      username: account.username,
      disabled: account.disabled,
      locked: this.#isLocked(account, now),
      createdAt: account.createdAt,
    }));
  }

  // ----- signing in -----

  #isLocked(account: StaffAccount, now: number): boolean {
    return account.lockedUntil !== undefined && Date.parse(account.lockedUntil) > now;
  }

  /** A hash of a password nobody knows, checked when there is no account, so a refusal always costs one hash. */
  #hashForNobody(): Promise<string> {
    this.#dummyHash ??= hashPassword(newToken(), this.#cost);
    return this.#dummyHash;
  }

  /**
   * The account's username when the password is right and the account is neither locked nor
   * disabled; otherwise undefined, for every reason alike. A wrong password counts towards
   * the lock; attempts while locked do not extend it.
   */
  async verifySignIn(username: string, password: string): Promise<string | undefined> {
    const name = normaliseUsername(username);
    const account = usernameProblem(name) ? undefined : await this.#store.getAccount(name);
    const now = this.#now();
    const matches = await verifyPassword(password, account?.passwordHash ?? (await this.#hashForNobody()));
    if (!account || account.disabled || this.#isLocked(account, now.getTime())) return undefined;
    if (!matches) {
      const { locked } = await this.#store.recordFailedSignIn(name, {
        maxFailures: this.#maxFailures,
        lockUntil: new Date(now.getTime() + this.#lockMs).toISOString(),
        at: now.toISOString(),
      });
      if (locked) this.#onLock();
      return undefined;
    }
    // Checked again as it is recorded: guesses sent in parallel all read the account before
    // any of them locked it, and a right one must not slip through after the lock.
    return (await this.#store.recordSuccessfulSignIn(name, now.toISOString())) ? name : undefined;
  }

  /** Checks the password and, when it is right, starts a session. */
  async signIn(username: string, password: string): Promise<SignInResult> {
    const name = await this.verifySignIn(username, password);
    return name === undefined ? { ok: false } : { ok: true, ...(await this.startSession(name)) };
  }

  // ----- sessions -----

  async startSession(username: string): Promise<NewSession> {
    const now = this.#now();
    // Sweep sessions that ran out, so abandoned ones do not pile up.
    await this.#store.deleteSessionsLastSeenBefore(new Date(now.getTime() - this.#idleMs).toISOString());
    const sessionId = newToken();
    const csrfToken = newToken();
    await this.#store.createSession({
      idHash: hashSessionId(sessionId),
      username,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      csrfToken,
    });
    return { sessionId, username, csrfToken };
  }

  /**
   * Who a session id from a cookie belongs to, or undefined when it is unknown, ended, idle
   * for 8 hours (then deleted) or its account is disabled. Each use counts as activity.
   */
  async session(sessionId: string | undefined): Promise<SignedInStaff | undefined> {
    if (!isToken(sessionId)) return undefined;
    const idHash = hashSessionId(sessionId);
    const session = await this.#store.getSession(idHash);
    if (!session) return undefined;
    const now = this.#now().getTime();
    const idle = now - Date.parse(session.lastSeenAt);
    if (!(idle < this.#idleMs)) {
      await this.#store.deleteSession(idHash);
      return undefined;
    }
    if (idle >= TOUCH_INTERVAL_MS) await this.#store.touchSession(idHash, new Date(now).toISOString());
    return { username: session.username, csrfToken: session.csrfToken };
  }

  async signOut(sessionId: string | undefined): Promise<void> {
    if (isToken(sessionId)) await this.#store.deleteSession(hashSessionId(sessionId));
  }
}
