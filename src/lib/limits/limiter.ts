/**
 * Counters shared by every server, through rate-limiter-flexible: in this process's memory
 * when there is one server (SQLite), and in PostgreSQL when DATABASE_URL is set, so that N
 * servers behind a load balancer count one visitor once rather than N times.
 *
 * The PostgreSQL counters live in one table, `rate_limits`, which rate-limiter-flexible
 * creates itself (CREATE TABLE IF NOT EXISTS) and clears of expired rows every 5 minutes.
 * Its PostgreSQL store is written for the `pg` client; rather than add a second driver, the
 * `postgres` connection the stores already use is handed to it through a three-line adapter
 * with the one method it calls (`query({ text, values })` resolving to `{ rows, rowCount }`).
 *
 * Keys are hashed before they are stored, so the table holds no addresses or usernames.
 * If the database cannot be reached, each server counts in its own memory until it can
 * (rate-limiter-flexible's "insurance" limiter), so a limit never becomes an outage.
 */
import { createHash, createHmac } from 'node:crypto';
import { isCreateTableRace, postgresAddressSecret } from '../storage/index.ts';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Sql } from '../storage/index.ts';

/** At most `points` in any `durationSeconds`, per key. */
export interface LimitRule {
  /** Short and unique per limit: it prefixes every key. */
  name: string;
  points: number;
  durationSeconds: number;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface Limiter {
  readonly rule: LimitRule;
  /** Counts one attempt; refused (with how long to wait) once the key has used its points. */
  consume(key: string): Promise<Verdict>;
  /** Counts one attempt without refusing; resolves with the attempts counted in this window. */
  count(key: string): Promise<number>;
  /** Refuses the key for `seconds`, whatever it has used. */
  block(key: string, seconds: number): Promise<void>;
  /** How long the key must still wait, in milliseconds (0 when it need not). */
  waitFor(key: string): Promise<number>;
  /** Takes back one attempt counted by `consume`. */
  giveBack(key: string): Promise<void>;
  /** The attempts counted in this window, counting nothing. */
  peek(key: string): Promise<number>;
  /** Whether the key has used all its points, so that its next `consume` is refused. */
  isSpent(key: string): Promise<boolean>;
  /** Forgets the key: its count starts again. */
  reset(key: string): Promise<void>;
}

/**
 * Where the counters are kept. In PostgreSQL their keys are HMACs with the secret kept in the
 * database (src/lib/storage/address-secret.ts), so the table cannot be turned back into
 * addresses by hashing every address.
 */
export type LimitStore = { kind: 'memory' } | { kind: 'postgres'; sql: Sql };

/** The table rate-limiter-flexible makes and uses in PostgreSQL. */
export const limitsTable = 'rate_limits';

function hashed(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

const secrets = new WeakMap<Sql, Promise<string>>();

/**
 * The key as stored in PostgreSQL: an HMAC with the database's secret, fetched once per
 * connection. While the database cannot be reached the counting falls back to memory anyway
 * (the insurance limiter), so the plain hash is used for that meanwhile.
 */
async function keyedIn(sql: Sql, key: string): Promise<string> {
  let secret = secrets.get(sql);
  if (!secret) {
    secret = postgresAddressSecret(sql);
    secrets.set(sql, secret);
    secret.catch(() => secrets.delete(sql));
  }
  try {
    return createHmac('sha256', await secret).update(key).digest('base64url');
  } catch {
    return hashed(key);
  }
}

/** What RateLimiterPostgres calls on its client: pg's query(), answered by the postgres package. */
function pgStyleClient(sql: Sql) {
  return {
    query: async ({ text, values }: { text: string; values?: unknown[] }) => {
      const rows = await sql.unsafe(text, (values ?? []) as never[]);
      return { rows, rowCount: rows.count };
    },
  };
}

function memoryLimiter(rule: LimitRule): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: rule.name, points: rule.points, duration: rule.durationSeconds });
}

/**
 * A RateLimiterPostgres made on first use, once its table exists. Made lazily, and made again
 * after a failure, because the library tries to create its table only once, in its
 * constructor: a database that is down when the server starts would otherwise leave the
 * limiter refusing to count until a restart.
 */
function postgresLimiter(rule: LimitRule, sql: Sql): () => Promise<RateLimiterAbstract> {
  const insurance = memoryLimiter(rule);
  let made: Promise<RateLimiterAbstract> | undefined;
  const make = () =>
    new Promise<RateLimiterAbstract>((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        {
          storeClient: pgStyleClient(sql),
          storeType: 'client',
          tableName: limitsTable,
          keyPrefix: rule.name,
          points: rule.points,
          duration: rule.durationSeconds,
          insuranceLimiter: insurance,
        },
        (error) => (error ? reject(error) : resolve(limiter)),
      );
    });
  return () => {
    made ??= make()
      // Two servers starting together both run CREATE TABLE IF NOT EXISTS, and PostgreSQL can
      // refuse the second with "already exists" while the first commits. The table is there
      // then, so asking again succeeds; counting in memory instead would let each server allow
      // the whole limit.
      .catch((error: unknown) => (isCreateTableRace(error) ? make() : Promise.reject(error)))
      .catch((error: unknown) => (isCreateTableRace(error) ? make() : Promise.reject(error)))
      .catch((error: unknown) => {
        made = undefined;
        console.warn(`Rate limits are counted in this server's memory for now: the database did not answer (${error instanceof Error ? error.message : String(error)})`);
        return insurance;
      });
    return made;
  };
}

export function createLimiter(rule: LimitRule, store: LimitStore = { kind: 'memory' }): Limiter {
  let instance: () => Promise<RateLimiterAbstract>;
  let keyed: (key: string) => string | Promise<string>;
  if (store.kind === 'memory') {
    const limiter = memoryLimiter(rule);
    instance = () => Promise.resolve(limiter);
    keyed = hashed;
  } else {
    instance = postgresLimiter(rule, store.sql);
    keyed = (key) => keyedIn(store.sql, key);
  }
  return {
    rule,
    async consume(key) {
      try {
        await (await instance()).consume(await keyed(key));
        return { allowed: true };
      } catch (result) {
        if (result instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(result.msBeforeNext, 1000) };
        throw result;
      }
    },
    async count(key) {
      return (await (await instance()).penalty(await keyed(key), 1)).consumedPoints;
    },
    async block(key, seconds) {
      await (await instance()).block(await keyed(key), seconds);
    },
    async waitFor(key) {
      const result = await (await instance()).get(await keyed(key));
      return result && result.consumedPoints > rule.points ? Math.max(result.msBeforeNext, 0) : 0;
    },
    async giveBack(key) {
      await (await instance()).reward(await keyed(key), 1);
    },
    async peek(key) {
      return (await (await instance()).get(await keyed(key)))?.consumedPoints ?? 0;
    },
    async isSpent(key) {
      return ((await (await instance()).get(await keyed(key)))?.consumedPoints ?? 0) >= rule.points;
    },
    async reset(key) {
      await (await instance()).delete(await keyed(key));
    },
  };
}

/** Whole minutes, rounded up and at least 1: how long to tell a person to wait. */
export function minutesToWait(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/** minutesToWait for a refusal, 0 when allowed. */
export function minutesLeft(verdict: Verdict): number {
  return verdict.allowed ? 0 : minutesToWait(verdict.retryAfterMs);
}

/** "1 minute", "5 minutes". */
export function minutesInWords(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
