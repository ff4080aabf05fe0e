/**
 * Wrong passwords counted per account *and* address, with waits that grow: the first
 * `freeFailures` tries in a run are allowed straight away, then that address must wait
 * 1 minute before its next try at that account, then 2, 4, 8 ... up to 30 minutes, one try
 * after each wait. A right password forgets them.
 *
 * Every try is counted *before* its password is checked, in one atomic step in the shared
 * store (rate-limiter-flexible's `consume`, in memory or in PostgreSQL), so tries sent at the
 * same moment cannot all slip through: of 20 sent at once from one address, 5 are checked and
 * 15 are refused without a hash. After the allowance, each wait opens one "slot" that only the
 * first try to claim it (again atomically) may use.
 *
 * Because the count is per address, a stranger's wrong guesses slow only the stranger: the
 * account's owner, from anywhere else, signs in as usual. (A shared ceiling per account, for
 * guesses spread over many addresses, is kept with the account: see src/lib/staff/auth.ts.)
 * Unknown usernames are counted exactly like real ones, so the waits reveal nothing.
 */
import { createLimiter, type LimitStore } from './limiter.ts';

export const signInFailurePolicy = Object.freeze({
  freeFailures: 5,
  firstWaitSeconds: 60,
  longestWaitSeconds: 30 * 60,
  /** Wrong passwords are forgotten a day after the first one in a run. */
  forgetAfterSeconds: 24 * 60 * 60,
});

/** Whether a try may go on to the password check, or how long it must wait first. */
export type SignInTicket = { allowed: true; slot?: number } | { allowed: false; retryAfterMs: number };

export interface SignInThrottle {
  /**
   * Counts one try for this account-and-address before its password is checked. Allowed
   * tries must end in `failed` or `succeeded`; a refused one needs nothing more.
   */
  begin(key: string): Promise<SignInTicket>;
  /** How long this account-and-address must wait before its next try, in ms (0: it need not). */
  waitFor(key: string): Promise<number>;
  /** An allowed try that was refused; from the free allowance on, starts a wait. */
  failed(key: string): Promise<void>;
  /** A right password: the count starts again. */
  succeeded(key: string): Promise<void>;
  /** An allowed try whose password was never checked (the account is held): it is given back. */
  notChecked(key: string, ticket: SignInTicket): Promise<void>;
  /**
   * The shared ceiling, for a username with no usable account (unknown or disabled), so that
   * such a name is held exactly as a real account would be: one more wrong try, and whether
   * that makes `maxFailures`, which then holds the name for `lockSeconds`.
   */
  failedForNobody(name: string, maxFailures: number, lockSeconds: number): Promise<void>;
  /** How long a username with no usable account is still held, in ms (0: it is not). */
  nobodyHeldFor(name: string): Promise<number>;
}

/** The wait after the nth wrong password in a row, in seconds (0 while within the free ones). */
export function waitAfterFailures(failures: number, policy = signInFailurePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.longestWaitSeconds, policy.firstWaitSeconds * 2 ** (failures - policy.freeFailures));
}

export function createSignInThrottle(store: LimitStore, policy = signInFailurePolicy): SignInThrottle {
  const day = policy.forgetAfterSeconds;
  // Tries begun in this run, counted before the check: the first `freeFailures` go straight on.
  const allowance = createLimiter({ name: 'signin_try', points: policy.freeFailures, durationSeconds: day }, store);
  // Tries that ended wrong in this run.
  const failures = createLimiter({ name: 'signin_fail', points: Number.MAX_SAFE_INTEGER, durationSeconds: day }, store);
  // When the wait after the nth failure began: a block of a whole day on `key:n`, so the time
  // since it began is a day less what is left of it. Written only after the failure is
  // counted, so a try that sees the count before its wait is written is refused, never let in.
  const waitsBegun = createLimiter({ name: 'signin_wait', points: 1, durationSeconds: day }, store);
  // The one try allowed after the nth failure's wait: the first to claim `key:n` takes it.
  const slots = createLimiter({ name: 'signin_slot', points: 1, durationSeconds: policy.longestWaitSeconds }, store);
  // The ceiling for names with no account.
  const nobodyFailures = createLimiter({ name: 'signin_nobody', points: Number.MAX_SAFE_INTEGER, durationSeconds: day }, store);
  const nobodyHeld = createLimiter({ name: 'signin_nobody_held', points: 1, durationSeconds: day }, store);

  /** How long the try after `failed` wrong ones must still wait, in ms. */
  async function waitAfter(key: string, failed: number): Promise<number> {
    if (failed < policy.freeFailures) {
      // The allowance is used up but some of its tries are still being checked.
      return policy.firstWaitSeconds * 1000;
    }
    const wait = waitAfterFailures(failed, policy) * 1000;
    const left = await waitsBegun.waitFor(`${key}:${failed}`);
    // Not written yet: the failure that started it is still being recorded.
    if (left === 0) return wait;
    return Math.max(0, wait - (day * 1000 - left));
  }

  return {
    async begin(key) {
      if ((await allowance.consume(key)).allowed) return { allowed: true };
      const failed = await failures.peek(key);
      const wait = await waitAfter(key, failed);
      if (wait > 0) return { allowed: false, retryAfterMs: wait };
      if ((await slots.consume(`${key}:${failed}`)).allowed) return { allowed: true, slot: failed };
      // Another try took this wait's one slot; it is being checked now.
      return { allowed: false, retryAfterMs: waitAfterFailures(failed + 1, policy) * 1000 };
    },
    async waitFor(key) {
      if (!(await allowance.isSpent(key))) return 0;
      const failed = await failures.peek(key);
      const wait = await waitAfter(key, failed);
      if (wait > 0) return wait;
      return (await slots.isSpent(`${key}:${failed}`)) ? waitAfterFailures(failed + 1, policy) * 1000 : 0;
    },
    async failed(key) {
      const failed = await failures.count(key);
      if (failed >= policy.freeFailures) {
        await slots.reset(`${key}:${failed}`);
        await waitsBegun.block(`${key}:${failed}`, day);
      }
    },
    async succeeded(key) {
      const failed = await failures.peek(key);
      await Promise.all([allowance.reset(key), failures.reset(key)]);
      const stages = [];
      for (let n = policy.freeFailures; n <= failed; n += 1) stages.push(waitsBegun.reset(`${key}:${n}`), slots.reset(`${key}:${n}`));
      await Promise.all(stages);
    },
    async notChecked(key, ticket) {
      if (!ticket.allowed) return;
      if (ticket.slot === undefined) await allowance.giveBack(key);
      else await slots.reset(`${key}:${ticket.slot}`);
    },
    async failedForNobody(name, maxFailures, lockSeconds) {
      if ((await nobodyHeld.waitFor(name)) > 0) return;
      if ((await nobodyFailures.count(name)) >= maxFailures) {
        await nobodyFailures.reset(name);
        await nobodyHeld.block(name, lockSeconds);
      }
    },
    nobodyHeldFor: (name) => nobodyHeld.waitFor(name),
  };
}

/** A throttle that never waits: for the command line, which has no visitors. */
export const noSignInThrottle: SignInThrottle = {
  begin: async () => ({ allowed: true }),
  waitFor: async () => 0,
  failed: async () => {},
  succeeded: async () => {},
  notChecked: async () => {},
  failedForNobody: async () => {},
  nobodyHeldFor: async () => 0,
};
