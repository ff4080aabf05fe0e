/**
 * The limits this site applies, made on first use from the environment and kept for the life
 * of the process. Each counts per visitor address (see address.ts), in memory with one server
 * and in PostgreSQL when DATABASE_URL is set, so every server shares one count.
 *
 * | limit | variables (defaults) |
 * | --- | --- |
 * | requests sent with the form | REQUEST_RATE_LIMIT per REQUEST_RATE_WINDOW_SECONDS (10 per 600) |
 * | confirmation pages looked up | CONFIRMATION_RATE_LIMIT per CONFIRMATION_RATE_WINDOW_SECONDS (60 per 600) |
 * | page feedback sent ("Is this page useful?") | FEEDBACK_RATE_LIMIT per FEEDBACK_RATE_WINDOW_SECONDS (20 per 600) |
 * | tries to sign in, any account | STAFF_SIGN_IN_RATE_LIMIT per STAFF_SIGN_IN_RATE_WINDOW_SECONDS (30 per 600) |
 * | wrong passwords for one account from one address | see sign-in.ts |
 */
import { connect, databaseChoice } from '../storage/index.ts';
import { createLimiter, type Limiter, type LimitStore } from './limiter.ts';
import { createSignInThrottle, type SignInThrottle } from './sign-in.ts';

type Env = Record<string, string | undefined>;

/** The limiters' own connections: each check is one short statement, so a few are plenty. */
const limitsPoolSize = 3;

export interface SiteLimits {
  requestForm: Limiter;
  confirmationLookup: Limiter;
  feedback: Limiter;
  signIn: Limiter;
  signInFailures: SignInThrottle;
}

function wholeNumber(env: Env, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of 1 or more; got "${text}"`);
  return value;
}

function rule(env: Env, name: string, prefix: string, points: number, seconds: number) {
  return { name, points: wholeNumber(env, `${prefix}_LIMIT`, points), durationSeconds: wholeNumber(env, `${prefix}_WINDOW_SECONDS`, seconds) };
}

/** Where the counters go: PostgreSQL when the requests do, otherwise this process's memory. */
export function limitStore(env: Env = process.env): LimitStore {
  const choice = databaseChoice(env);
  return choice.kind === 'postgres' ? { kind: 'postgres', sql: connect(choice.url, limitsPoolSize) } : { kind: 'memory' };
}

export function createSiteLimits(env: Env = process.env, store: LimitStore = limitStore(env)): SiteLimits {
  return {
    requestForm: createLimiter(rule(env, 'form', 'REQUEST_RATE', 10, 600), store),
    confirmationLookup: createLimiter(rule(env, 'lookup', 'CONFIRMATION_RATE', 60, 600), store),
    feedback: createLimiter(rule(env, 'feedback', 'FEEDBACK_RATE', 20, 600), store),
    signIn: createLimiter(rule(env, 'signin', 'STAFF_SIGN_IN_RATE', 30, 600), store),
    signInFailures: createSignInThrottle(store),
  };
}

let limits: SiteLimits | undefined;

/** The site's limits, made once per process. */
export function siteLimits(): SiteLimits {
  limits ??= createSiteLimits();
  return limits;
}
