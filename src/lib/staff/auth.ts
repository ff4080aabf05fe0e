/**
 * Staff sign-in rules, over any StaffStore:
 *
 * - passwords are hashed with scrypt (password.ts), 12 characters or more;
 * - wrong passwords are counted per account and address (a SignInThrottle, from
 *   src/lib/limits/sign-in.ts): after 5 in a row that address waits, longer each time, so a
 *   stranger's guesses slow the stranger and nobody else;
 * - a shared ceiling per account, for guesses spread over many addresses: 20 wrong passwords
 *   in a row, from anywhere, lock the account for 15 minutes, but not for an address that
 *   has signed in to it in the last 90 days, so its owner carries on as usual;
 * - a disabled account is refused even with the right password;
 * - every try is counted before its password is checked, so tries sent at once from one
 *   address cannot all be checked, nor together lock the account;
 * - a refusal never says why, and takes one scrypt hash however it was reached, so neither
 *   the answer nor its timing shows whether a username exists (a wait applies to unknown
 *   usernames just the same);
 * - a session is a random 32-byte id in a cookie, stored hashed, that ends after 8 hours
 *   without a request, 12 hours after sign-in however busy, or at sign-out, password reset or
 *   disabling, with its own CSRF token.
 *
 * Nothing here logs usernames, passwords, ids or tokens. `onLock` hears that some account
 * was locked, and no more, so the server can log it.
 */
import { createHash } from 'node:crypto';
import { noSignInThrottle, type SignInThrottle } from '../limits/sign-in.ts';
import { defaultScryptCost, hashPassword, passwordProblem, verifyPassword, type ScryptCost } from './password.ts';
import type { StaffAccount, StaffStore } from './staff-store.ts';
import { hashSessionId, isToken, newToken } from './tokens.ts';

export const staffSignInPolicy = Object.freeze({
  /** Wrong passwords in a row, from all addresses together, that lock the account. */
  maxFailures: 20,
  lockMinutes: 15,
  /** An address that signed in this recently is not held by the lock. */
  knownAddressDays: 90,
  idleHours: 8,
  /** However busy, a session ends this long after sign-in. */
  absoluteHours: 12,
});

const MS_PER_DAY = 86_400_000;

/** What the store keeps of an address without a key (tests, the command line): its SHA-256. */
function sha256(address: string): string {
  return createHash('sha256').update(address).digest('hex');
}

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

/**
 * A refusal says how long to wait when this address must wait, or how long the account is
 * held (for any password, so it says nothing about the password), and nothing else.
 */
export type SignInRefusal = { ok: false; retryAfterMs?: number; heldForMs?: number };

export type SignInResult = ({ ok: true } & NewSession) | SignInRefusal;

export type SignInAttempt = { ok: true; username: string } | SignInRefusal;

export interface SignInOptions {
  /** The visitor's address (src/lib/limits/address.ts); '' for none, as from the command line. */
  address?: string;
  /** Counts wrong passwords per account and address; none by default. */
  throttle?: SignInThrottle;
}

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
  absoluteMs?: number;
  /** Called when a run of wrong passwords locks an account; told nothing about which. */
  onLock?: () => void;
  /**
   * What the store keeps of an address, never the address: the server passes a keyed hash
   * (HMAC with the secret kept beside the database, src/lib/storage/address-secret.ts).
   */
  hashAddress?: (address: string) => string | Promise<string>;
}

export class StaffAuth {
  readonly #store: StaffStore;
  readonly #now: () => Date;
  readonly #cost: ScryptCost;
  readonly #maxFailures: number;
  readonly #lockMs: number;
  readonly #idleMs: number;
  readonly #absoluteMs: number;
  readonly #onLock: () => void;
  readonly #hashAddress: (address: string) => string | Promise<string>;
  #dummyHash: Promise<string> | undefined;

  constructor(options: StaffAuthOptions) {
    this.#store = options.store;
    this.#now = options.now ?? (() => new Date());
    this.#cost = options.scryptCost ?? defaultScryptCost;
    this.#maxFailures = options.maxFailures ?? staffSignInPolicy.maxFailures;
    this.#lockMs = options.lockMs ?? staffSignInPolicy.lockMinutes * MS_PER_MINUTE;
    this.#idleMs = options.idleMs ?? staffSignInPolicy.idleHours * 60 * MS_PER_MINUTE;
    this.#absoluteMs = options.absoluteMs ?? staffSignInPolicy.absoluteHours * 60 * MS_PER_MINUTE;
    this.#onLock = options.onLock ?? (() => {});
    this.#hashAddress = options.hashAddress ?? sha256;
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

  /** Clears the lock and every wait on the account, without changing its password. */
  async unlockAccount(username: string): Promise<string> {
    const name = normaliseUsername(username);
    if (!(await this.#store.unlockAccount(name, this.#now().toISOString()))) {
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
   * The account's username when the password is right, the account is enabled, and it is
   * not locked (or this address has signed in to it before); otherwise undefined, for every
   * reason alike. See attemptSignIn.
   */
  async verifySignIn(username: string, password: string, options: SignInOptions = {}): Promise<string | undefined> {
    const attempt = await this.attemptSignIn(username, password, options);
    return attempt.ok ? attempt.username : undefined;
  }

  /**
   * Checks a password. Each try is first counted for this account and address (the throttle's
   * `begin`, one atomic step before any hash), so a burst sent at once cannot all be checked:
   * beyond the allowance a try is refused with how long to wait. A held account (locked by
   * wrong passwords from many addresses) is refused with how long it is held, for any
   * password, without checking it, so the answer says nothing about the password; a name with
   * no account is held in the same way after as many wrong tries. Otherwise a refusal says
   * nothing; it counts one wrong try for this account and address, and a wrong password for an
   * unlocked account also counts towards its lock (tries while it is held do not extend it).
   */
  async attemptSignIn(username: string, password: string, options: SignInOptions = {}): Promise<SignInAttempt> {
    const throttle = options.throttle ?? noSignInThrottle;
    const address = options.address ?? '';
    const name = normaliseUsername(username);
    const account = usernameProblem(name) ? undefined : await this.#store.getAccount(name);
    // An unlock moves the generation on, so waits counted before it no longer apply.
    const key = `${name}#${account?.signInGeneration ?? 0}|${address}`;
    const ticket = await throttle.begin(key);
    if (!ticket.allowed) return { ok: false, retryAfterMs: ticket.retryAfterMs };
    let ended = false;
    const end = async (outcome: 'failed' | 'succeeded' | 'not-checked') => {
      ended = true;
      if (outcome === 'failed') await throttle.failed(key);
      else if (outcome === 'succeeded') await throttle.succeeded(key);
      else await throttle.notChecked(key, ticket);
    };
    try {
      return await this.#checkTry(name, account, password, address, throttle, key, end);
    } finally {
      // A try that threw part way still counts, so an error cannot be used to try for free.
      if (!ended) await end('failed').catch(() => {});
    }
  }

  async #checkTry(
    name: string,
    account: StaffAccount | undefined,
    password: string,
    address: string,
    throttle: SignInThrottle,
    key: string,
    end: (outcome: 'failed' | 'succeeded' | 'not-checked') => Promise<void>,
  ): Promise<SignInAttempt> {
    const now = this.#now();
    const refuse = async (): Promise<SignInRefusal> => {
      await end('failed');
      const next = await throttle.waitFor(key);
      return next > 0 ? { ok: false, retryAfterMs: next } : { ok: false };
    };
    const held = async (ms: number): Promise<SignInRefusal> => {
      await end('not-checked');
      return { ok: false, heldForMs: Math.max(ms, 1000) };
    };
    if (!account || account.disabled) {
      const heldFor = await throttle.nobodyHeldFor(name);
      if (heldFor > 0) return held(heldFor);
      await verifyPassword(password, await this.#hashForNobody());
      await throttle.failedForNobody(name, this.#maxFailures, Math.ceil(this.#lockMs / 1000));
      return refuse();
    }
    const locked = this.#isLocked(account, now.getTime());
    const addressHash = await this.#hashAddress(address);
    const knownSince = new Date(now.getTime() - staffSignInPolicy.knownAddressDays * MS_PER_DAY).toISOString();
    const known = locked && address !== '' && (await this.#store.knowsAddress(name, addressHash, knownSince));
    if (locked && !known) return held(Date.parse(account.lockedUntil ?? '') - now.getTime());
    const matches = await verifyPassword(password, account.passwordHash);
    if (!matches) {
      if (!locked) {
        const result = await this.#store.recordFailedSignIn(name, {
          maxFailures: this.#maxFailures,
          lockUntil: new Date(now.getTime() + this.#lockMs).toISOString(),
          at: now.toISOString(),
        });
        if (result.locked) this.#onLock();
      }
      return refuse();
    }
    // Checked again as it is recorded: guesses sent in parallel all read the account before
    // any of them locked it, and a right one must not slip through after the lock.
    if (!(await this.#store.recordSuccessfulSignIn(name, now.toISOString(), { evenIfLocked: known }))) {
      const current = await this.#store.getAccount(name);
      if (current && !current.disabled && this.#isLocked(current, now.getTime())) return held(Date.parse(current.lockedUntil ?? '') - now.getTime());
      return refuse();
    }
    await end('succeeded');
    if (address !== '') await this.#store.rememberAddress(name, addressHash, now.toISOString(), knownSince);
    return { ok: true, username: name };
  }

  /** Checks the password and, when it is right, starts a session. */
  async signIn(username: string, password: string, options: SignInOptions = {}): Promise<SignInResult> {
    const attempt = await this.attemptSignIn(username, password, options);
    return attempt.ok ? { ok: true, ...(await this.startSession(attempt.username)) } : attempt;
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
   * for 8 hours or started 12 hours ago (then deleted), or its account is disabled. Each use
   * counts as activity.
   */
  async session(sessionId: string | undefined): Promise<SignedInStaff | undefined> {
    if (!isToken(sessionId)) return undefined;
    const idHash = hashSessionId(sessionId);
    const session = await this.#store.getSession(idHash);
    if (!session) return undefined;
    const now = this.#now().getTime();
    const idle = now - Date.parse(session.lastSeenAt);
    const age = now - Date.parse(session.createdAt);
    if (!(idle < this.#idleMs) || !(age < this.#absoluteMs)) {
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
