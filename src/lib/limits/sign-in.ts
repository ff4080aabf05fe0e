/**
 * Wrong passwords counted per account *and* address, with waits that grow: the first
 * `freeFailures` in a row cost nothing, then that address must wait 1 minute before trying
 * that account again, then 2, 4, 8 ... up to 30 minutes. A right password forgets them.
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

export interface SignInThrottle {
  /** How long this account-and-address must wait before its next try, in ms (0: it need not). */
  waitFor(key: string): Promise<number>;
  /** One more wrong try; from the free allowance on, starts a wait. */
  failed(key: string): Promise<void>;
  /** A right password: the count starts again. */
  succeeded(key: string): Promise<void>;
}

/** The wait after the nth wrong password in a row, in seconds (0 while within the free ones). */
export function waitAfterFailures(failures: number, policy = signInFailurePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.longestWaitSeconds, policy.firstWaitSeconds * 2 ** (failures - policy.freeFailures));
}

export function createSignInThrottle(store: LimitStore, policy = signInFailurePolicy): SignInThrottle {
  // Two counters: the wrong passwords in a run, and the wait the last one started (a "block",
  // which rate-limiter-flexible stores with its own expiry).
  const failures = createLimiter({ name: 'signin_fail', points: Number.MAX_SAFE_INTEGER, durationSeconds: policy.forgetAfterSeconds }, store);
  const waits = createLimiter({ name: 'signin_wait', points: 1, durationSeconds: policy.longestWaitSeconds }, store);
  return {
    waitFor: (key) => waits.waitFor(key),
    async failed(key) {
      const seconds = waitAfterFailures(await failures.count(key), policy);
      if (seconds > 0) await waits.block(key, seconds);
    },
    async succeeded(key) {
      await Promise.all([failures.reset(key), waits.reset(key)]);
    },
  };
}

/** A throttle that never waits: for the command line, which has no visitors. */
export const noSignInThrottle: SignInThrottle = {
  waitFor: async () => 0,
  failed: async () => {},
  succeeded: async () => {},
};
