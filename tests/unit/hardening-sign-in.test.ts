/**
 * Issue 23, medium 1: a burst of wrong passwords sent at the same moment from one address is
 * counted before any of them is checked, so only the allowance is checked, the account is not
 * locked, and its owner signs in from a new address straight after. An owner whose account is
 * held (by guesses from many addresses) is told so, for any password, rather than that the
 * password is wrong. On SQLite (one server, limits in memory) and on PostgreSQL (two servers
 * sharing the database and its limits).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import postgres from 'postgres';
import type { OpenStores } from '../support/stores.ts';
import { StaffAuth, staffSignInPolicy, type SignInAttempt } from '../../src/lib/staff/auth';
import { storeBackends } from '../support/store-backends.ts';
import { createSignInThrottle, signInFailurePolicy, type SignInThrottle } from '../../src/lib/limits/sign-in.ts';
import type { LimitStore } from '../../src/lib/limits/limiter.ts';

const scryptCost = { N: 2 ** 10, r: 8, p: 1 };
const password = 'correct horse battery';

for (const backend of storeBackends()) {
  describe.skipIf(backend.unavailable)(`a burst of wrong passwords on ${backend.name}`, () => {
    const opened: postgres.Sql[] = [];
    let servers: { auth: StaffAuth; throttle: SignInThrottle; stores: OpenStores }[];
    let locks: number;

    function limitStore(): LimitStore {
      if (backend.name === 'SQLite') return { kind: 'memory' };
      const sql = postgres(backend.url(), { max: 3, onnotice: () => {} });
      opened.push(sql);
      return { kind: 'postgres', sql };
    }

    beforeEach(async () => {
      await backend.fresh();
      locks = 0;
      // SQLite: one server. PostgreSQL: two, each with its own connections, sharing one database.
      const memory = limitStore();
      servers = Array.from({ length: backend.name === 'SQLite' ? 1 : 2 }, () => {
        const stores = backend.open({ replyByFor: () => '2026-12-01' });
        const throttle = createSignInThrottle(backend.name === 'SQLite' ? memory : limitStore());
        return { stores, throttle, auth: new StaffAuth({ store: stores.staff, scryptCost, onLock: () => (locks += 1) }) };
      });
      await servers[0]!.auth.addAccount('sam', password);
    });

    afterEach(async () => {
      await backend.cleanup();
      await Promise.all(opened.splice(0).map((sql) => sql.end()));
    });

    const tryFrom = (i: number, address: string, guess: string): Promise<SignInAttempt> => {
      const server = servers[i % servers.length]!;
      return server.auth.attemptSignIn('sam', guess, { address, throttle: server.throttle });
    };

    it('checks only the allowance, locks nothing, and lets the owner in from a new address', async () => {
      const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => tryFrom(i, '198.51.100.66', `wrong guess ${i}`)));
      expect(burst.every((answer) => !answer.ok)).toBe(true);
      // The ones beyond the allowance were refused with a wait, and never checked.
      const waited = burst.filter((answer) => !answer.ok && answer.retryAfterMs !== undefined);
      expect(waited.length).toBeGreaterThanOrEqual(20 - signInFailurePolicy.freeFailures);
      const [row] = await backend.query('SELECT failed_attempts, locked_until FROM staff_accounts');
      expect(row).toEqual({ failed_attempts: signInFailurePolicy.freeFailures, locked_until: null });
      expect(locks).toBe(0);

      // The owner, from an address the account has never used, straight after.
      expect(await tryFrom(1, '203.0.113.5', password)).toEqual({ ok: true, username: 'sam' });
      // The stranger still waits, even with the right password.
      expect(await tryFrom(0, '198.51.100.66', password)).toMatchObject({ ok: false, retryAfterMs: expect.any(Number) });
    });

    it('tells an owner whose account is held that it is held, for any password, and says the same of a name with no account', async () => {
      // Wrong passwords from many addresses, as a stranger with many machines would send.
      for (let i = 0; i < staffSignInPolicy.maxFailures; i += 1) {
        expect(await tryFrom(i, `198.51.100.${i}`, 'wrong guess')).toMatchObject({ ok: false });
      }
      expect(locks).toBe(1);
      const owner = await tryFrom(0, '203.0.113.5', password);
      expect(owner).toMatchObject({ ok: false, heldForMs: expect.any(Number) });
      if (!owner.ok) expect(owner.heldForMs).toBeGreaterThan((staffSignInPolicy.lockMinutes - 1) * 60_000);
      // A wrong password is held in exactly the same words: nothing says which it was.
      const wrong = await tryFrom(1, '203.0.113.5', 'wrong guess');
      expect(Object.keys(wrong).sort()).toEqual(Object.keys(owner).sort());
      // Tries while held are not counted against the owner's address: the owner is never made to wait.
      for (let i = 0; i < 2 * signInFailurePolicy.freeFailures; i += 1) {
        expect(await tryFrom(i, '203.0.113.5', password)).toMatchObject({ ok: false, heldForMs: expect.any(Number) });
      }

      // A username with no account is held after as many wrong tries, so holding shows nothing.
      for (let i = 0; i < staffSignInPolicy.maxFailures; i += 1) {
        const server = servers[i % servers.length]!;
        expect(await server.auth.attemptSignIn('nobody', 'wrong guess', { address: `198.51.100.${i}`, throttle: server.throttle })).toEqual({ ok: false });
      }
      const server = servers[0]!;
      expect(await server.auth.attemptSignIn('nobody', password, { address: '203.0.113.5', throttle: server.throttle })).toMatchObject({
        ok: false,
        heldForMs: expect.any(Number),
      });
    });
  });
}

describe('after a wait, a burst from one address', () => {
  afterEach(() => vi.useRealTimers());

  it('gets one try checked, not one each', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00Z'), toFake: ['Date'] });
    const throttle = createSignInThrottle({ kind: 'memory' });
    const key = 'sam#0|198.51.100.66';
    const first = await Promise.all(Array.from({ length: 20 }, () => throttle.begin(key)));
    expect(first.filter((ticket) => ticket.allowed)).toHaveLength(signInFailurePolicy.freeFailures);
    await Promise.all(first.filter((ticket) => ticket.allowed).map(() => throttle.failed(key)));
    expect(await throttle.waitFor(key)).toBe(60_000);
    vi.setSystemTime(new Date('2026-11-23T09:01:01Z'));
    const second = await Promise.all(Array.from({ length: 20 }, () => throttle.begin(key)));
    expect(second.filter((ticket) => ticket.allowed)).toHaveLength(1);
    await throttle.failed(key);
    expect(await throttle.waitFor(key)).toBe(120_000);
    expect((await throttle.begin(key)).allowed).toBe(false);
  });
});
