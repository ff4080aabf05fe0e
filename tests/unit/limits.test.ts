import { afterAll, afterEach, beforeAll, describe, it, expect, inject, vi } from 'vitest';
import postgres from 'postgres';
import { BodyTooLargeError, formFields, readBodyWithLimit } from '../../src/lib/limits/body.ts';
import { clientAddressFor, trustedProxyHops } from '../../src/lib/limits/address.ts';
import { createLimiter, limitsTable, type LimitStore } from '../../src/lib/limits/limiter.ts';
import { createSignInThrottle, waitAfterFailures } from '../../src/lib/limits/sign-in.ts';
import { createSiteLimits } from '../../src/lib/limits/runtime.ts';
import { serverLimits } from '../../server/request-limits.mjs';

const stream = (...parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });

const adminUrl = inject('postgresAdminUrl');
const MINUTE = 60_000;

describe('a limit in memory (one server)', () => {
  afterEach(() => vi.useRealTimers());

  it('allows the configured number, then refuses with how long to wait, until the window has passed', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00Z'), toFake: ['Date'] });
    const limiter = createLimiter({ name: 't', points: 2, durationSeconds: 600 });
    expect((await limiter.consume('a')).allowed).toBe(true);
    expect((await limiter.consume('a')).allowed).toBe(true);
    const refused = await limiter.consume('a');
    expect(refused).toMatchObject({ allowed: false });
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(9 * MINUTE);
    expect((await limiter.consume('b')).allowed).toBe(true);
    vi.setSystemTime(new Date('2026-11-23T09:10:01Z'));
    expect((await limiter.consume('a')).allowed).toBe(true);
  });

  it('reads its numbers from the environment and refuses nonsense', () => {
    const limits = createSiteLimits({ REQUEST_RATE_LIMIT: '3', CONFIRMATION_RATE_WINDOW_SECONDS: '60' }, { kind: 'memory' });
    expect(limits.requestForm.rule).toMatchObject({ points: 3, durationSeconds: 600 });
    expect(limits.confirmationLookup.rule).toMatchObject({ points: 60, durationSeconds: 60 });
    expect(limits.signIn.rule).toMatchObject({ points: 30, durationSeconds: 600 });
    expect(() => createSiteLimits({ REQUEST_RATE_LIMIT: 'lots' }, { kind: 'memory' })).toThrow(/REQUEST_RATE_LIMIT/);
    expect(() => createSiteLimits({ STAFF_SIGN_IN_RATE_LIMIT: '0' }, { kind: 'memory' })).toThrow(/STAFF_SIGN_IN_RATE_LIMIT/);
  });
});

describe('wrong passwords per account and address', () => {
  afterEach(() => vi.useRealTimers());

  it('cost nothing for the first 5, then make that address wait 1, 2, 4 ... up to 30 minutes', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10, 20].map((n) => waitAfterFailures(n))).toEqual([0, 0, 60, 120, 240, 480, 960, 1800, 1800]);
  });

  it('slow only the address that made them, and a right password starts the count again', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00Z'), toFake: ['Date'] });
    const throttle = createSignInThrottle({ kind: 'memory' });
    const wrong = async (key: string) => {
      expect(await throttle.begin(key)).toMatchObject({ allowed: true });
      await throttle.failed(key);
    };
    for (let i = 0; i < 4; i += 1) await wrong('sam|stranger');
    expect(await throttle.waitFor('sam|stranger')).toBe(0);
    await wrong('sam|stranger');
    expect(await throttle.waitFor('sam|stranger')).toBe(MINUTE);
    expect(await throttle.waitFor('sam|office')).toBe(0);
    vi.setSystemTime(new Date('2026-11-23T09:01:01Z'));
    expect(await throttle.waitFor('sam|stranger')).toBe(0);
    await wrong('sam|stranger');
    expect(await throttle.waitFor('sam|stranger')).toBe(2 * MINUTE);
    await throttle.succeeded('sam|stranger');
    expect(await throttle.waitFor('sam|stranger')).toBe(0);
    await wrong('sam|stranger');
    expect(await throttle.waitFor('sam|stranger')).toBe(0);
  });
});

describe.skipIf(!adminUrl)('a limit in PostgreSQL (several servers)', () => {
  let admin: postgres.Sql;
  let url = '';
  const opened: postgres.Sql[] = [];
  const server = (): LimitStore => {
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    opened.push(sql);
    return { kind: 'postgres', sql };
  };

  beforeAll(async () => {
    admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    const name = `limits_${process.pid}_${Date.now()}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  });

  afterAll(async () => {
    await Promise.all(opened.map((sql) => sql.end()));
    await admin?.end();
  });

  it('is one count for every server sharing the database, and keeps no address in it', async () => {
    const rule = { name: 'form', points: 5, durationSeconds: 600 };
    const [a, b] = [createLimiter(rule, server()), createLimiter(rule, server())];
    const verdicts = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).consume('203.0.113.9')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect((await a.consume('203.0.113.10')).allowed).toBe(true);
    const rows = await opened[0]!.unsafe(`SELECT key FROM ${limitsTable}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('203.0.113');
  });

  it('counts in the database, not in memory, when several servers make the table at the same moment', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      // The race is between CREATE TABLE statements, so each round starts with no table.
      for (let round = 0; round < 10; round += 1) {
        await opened[0]!.unsafe(`DROP TABLE IF EXISTS ${limitsTable}`);
        const rule = { name: `race-${round}`, points: 3, durationSeconds: 600 };
        const limiters = [createLimiter(rule, server()), createLimiter(rule, server()), createLimiter(rule, server()), createLimiter(rule, server())];
        const verdicts = await Promise.all(Array.from({ length: 12 }, (_, i) => limiters[i % 4]!.consume('198.51.100.7')));
        expect(verdicts.filter((v) => v.allowed), `round ${round}`).toHaveLength(3);
      }
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('shares the waits after wrong passwords too', async () => {
    const [a, b] = [createSignInThrottle(server()), createSignInThrottle(server())];
    for (let i = 0; i < 5; i += 1) {
      const server = i % 2 ? a : b;
      expect(await server.begin('sam|stranger')).toMatchObject({ allowed: true });
      await server.failed('sam|stranger');
    }
    expect(await b.waitFor('sam|stranger')).toBeGreaterThan(55_000);
    expect(await a.waitFor('sam|stranger')).toBeGreaterThan(55_000);
    await a.succeeded('sam|stranger');
    expect(await b.waitFor('sam|stranger')).toBe(0);
  });

  it('counts in memory while the database cannot be reached, rather than failing', async () => {
    const nowhere = postgres('postgres://nobody@127.0.0.1:1/none', { max: 1, connect_timeout: 1, onnotice: () => {} });
    opened.push(nowhere);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const limiter = createLimiter({ name: 'down', points: 1, durationSeconds: 60 }, { kind: 'postgres', sql: nowhere });
    expect((await limiter.consume('x')).allowed).toBe(true);
    expect((await limiter.consume('x')).allowed).toBe(false);
    warn.mockRestore();
  });
});

describe('reading a request body', () => {
  it('reads a body within the limit', async () => {
    expect(await readBodyWithLimit(stream('name=A', '&b=2'), 100)).toBe('name=A&b=2');
  });

  it('stops at the limit', async () => {
    await expect(readBodyWithLimit(stream('x'.repeat(60), 'y'.repeat(60)), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('keeps only known fields, first value first', () => {
    expect(formFields('name=A&name=B&evil=1&format=braille', ['name', 'format'])).toEqual({ name: 'A', format: 'braille' });
  });
});

describe('the address a rate limit counts, behind load balancers', () => {
  it('is the connecting address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressFor('10.0.0.5', '203.0.113.9', 0)).toBe('10.0.0.5');
    expect(clientAddressFor('10.0.0.5', null, 1)).toBe('10.0.0.5');
    expect(clientAddressFor('10.0.0.5', ' , ', 1)).toBe('10.0.0.5');
  });

  it('is the address the trusted load balancer saw, not one the client wrote itself', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4" to dodge the limit; the load balancer appended
    // the address it really came from.
    expect(clientAddressFor('10.0.0.5', '1.2.3.4, 203.0.113.9', 1)).toBe('203.0.113.9');
    // Two trusted hops (a CDN, then the load balancer).
    expect(clientAddressFor('10.0.0.5', '1.2.3.4, 203.0.113.9, 198.51.100.7', 2)).toBe('203.0.113.9');
    // Fewer entries than hops: the furthest one known.
    expect(clientAddressFor('10.0.0.5', '203.0.113.9', 3)).toBe('203.0.113.9');
  });

  it('reads TRUSTED_PROXY_HOPS as a small whole number, and refuses anything else', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '' })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '1' })).toBe(1);
    for (const bad of ['-1', '1.5', 'yes', '11']) {
      expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });
});

describe("the Node server's own limits", () => {
  it('cap connections (SERVER_MAX_CONNECTIONS, 1000 by default) and how long a client may take', () => {
    expect(serverLimits({})).toEqual({ maxConnections: 1000, headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 });
    expect(serverLimits({ SERVER_MAX_CONNECTIONS: '50' }).maxConnections).toBe(50);
    expect(() => serverLimits({ SERVER_MAX_CONNECTIONS: 'none' })).toThrow(/SERVER_MAX_CONNECTIONS/);
  });
});
