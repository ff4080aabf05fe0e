import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { OpenStores } from '../support/stores.ts';
import { StaffAuth, StaffAccountError, staffSignInPolicy, type StaffAuthOptions } from '../../src/lib/staff/auth';
import { hashSessionId } from '../../src/lib/staff/tokens';
import type { StaffStore } from '../../src/lib/staff/staff-store';
import { storeBackends } from '../support/store-backends.ts';
import { createSignInThrottle } from '../../src/lib/limits/sign-in.ts';

/** Cheap hashing: these tests are about the rules, not the cost (staff-password.test.ts checks that). */
const scryptCost = { N: 2 ** 10, r: 8, p: 1 };
const password = 'correct horse battery';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A clock the test moves by hand. */
function clock(start: string) {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

// Runs on both databases: the rules are the same whichever holds the accounts.
for (const backend of storeBackends()) {
  describe.skipIf(backend.unavailable)(`staff sign-in on ${backend.name}`, () => {
    let store: OpenStores;
    let time: ReturnType<typeof clock>;
    let locks: number;

    function auth(options: Partial<StaffAuthOptions> = {}): StaffAuth {
      return new StaffAuth({ store: store.staff, now: time.now, scryptCost, onLock: () => (locks += 1), ...options });
    }

    const query = (sql: string) => backend.query(sql);

    beforeEach(async () => {
      await backend.fresh();
      store = backend.open({ replyByFor: () => '2026-12-01' });
      time = clock('2026-11-23T09:00:00Z');
      locks = 0;
    });

    afterEach(() => backend.cleanup());

    describe('staff accounts', () => {
      it('are made with a lower-case unique username and a hash, never the password', async () => {
        const staff = auth();
        expect(await staff.addAccount('  Sam.Jones ', password)).toBe('sam.jones');
        await expect(staff.addAccount('SAM.JONES', 'another long password')).rejects.toMatchObject({ problem: 'exists' });
        const [row] = await query('SELECT username, password_hash, disabled, failed_attempts FROM staff_accounts');
        expect(row).toMatchObject({ username: 'sam.jones', failed_attempts: 0 });
        expect(Boolean(row?.['disabled'])).toBe(false);
        expect(String(row?.['password_hash'])).toMatch(/^scrypt\$/);
        expect(JSON.stringify(await query('SELECT * FROM staff_accounts'))).not.toContain(password);
        if (backend.name === 'SQLite') {
          await store.close();
          expect(readFileSync(backend.file()).includes(Buffer.from(password))).toBe(false);
        }
      });

      it('refuse a short password or an odd username, and write nothing', async () => {
        const staff = auth();
        await expect(staff.addAccount('sam', 'short')).rejects.toMatchObject({ problem: 'weak-password' });
        await expect(staff.addAccount('sam jones', password)).rejects.toMatchObject({ problem: 'bad-username' });
        await expect(staff.addAccount('<script>', password)).rejects.toBeInstanceOf(StaffAccountError);
        expect(await staff.listAccounts()).toEqual([]);
      });

      it('reset to a new password, and disable, only accounts that exist', async () => {
        const staff = auth();
        await staff.addAccount('sam', password);
        await staff.resetAccount('sam', 'a brand new password');
        expect(await staff.verifySignIn('sam', password)).toBeUndefined();
        expect(await staff.verifySignIn('sam', 'a brand new password')).toBe('sam');
        await expect(staff.resetAccount('nobody', password)).rejects.toMatchObject({ problem: 'not-found' });
        await expect(staff.disableAccount('nobody')).rejects.toMatchObject({ problem: 'not-found' });
      });
    });

    describe('signing in', () => {
      it('refuses a wrong password, an unknown username and a disabled account alike', async () => {
        const staff = auth();
        await staff.addAccount('sam', password);
        expect(await staff.verifySignIn('sam', password)).toBe('sam');
        expect(await staff.verifySignIn('SAM ', password)).toBe('sam');
        expect(await staff.verifySignIn('sam', 'wrong password!')).toBeUndefined();
        expect(await staff.verifySignIn('nobody', password)).toBeUndefined();
        expect(await staff.verifySignIn('x'.repeat(500), password)).toBeUndefined();
        expect(await staff.signIn('nobody', password)).toEqual({ ok: false });
        await staff.disableAccount('sam');
        expect(await staff.signIn('sam', password)).toEqual({ ok: false });
      });

      it(`locks an account for ${staffSignInPolicy.lockMinutes} minutes after ${staffSignInPolicy.maxFailures} wrong passwords in a row, even for the right one from a new address`, async () => {
        const max = staffSignInPolicy.maxFailures;
        const staff = auth();
        await staff.addAccount('sam', password);
        for (let i = 1; i < max; i += 1) expect(await staff.verifySignIn('sam', `wrong password ${i}`)).toBeUndefined();
        expect(locks).toBe(0);
        expect(await staff.verifySignIn('sam', `wrong password ${max}`)).toBeUndefined();
        expect(locks).toBe(1);
        expect(await staff.listAccounts()).toMatchObject([{ username: 'sam', locked: true }]);

        // Locked: the right password is refused, and further tries do not extend the lock.
        expect(await staff.verifySignIn('sam', password, { address: '198.51.100.7' })).toBeUndefined();
        time.advance(14 * MINUTE);
        expect(await staff.verifySignIn('sam', 'wrong again!!')).toBeUndefined();
        expect(await staff.verifySignIn('sam', password)).toBeUndefined();
        time.advance(MINUTE + 1000);
        expect(await staff.verifySignIn('sam', password)).toBe('sam');
        expect(locks).toBe(1);
        expect(await query('SELECT failed_attempts, locked_until FROM staff_accounts')).toEqual([{ failed_attempts: 0, locked_until: null }]);
      });

      it('does not hold an address that signed in to the account before: its owner carries on through the lock', async () => {
        const staff = auth({ maxFailures: 5 });
        await staff.addAccount('sam', password);
        expect(await staff.verifySignIn('sam', password, { address: '203.0.113.5' })).toBe('sam');
        // Guesses from many addresses, as a stranger with many machines would send.
        for (let i = 0; i < 5; i += 1) await staff.verifySignIn('sam', 'wrong password!', { address: `198.51.100.${i}` });
        expect(locks).toBe(1);
        expect(await staff.verifySignIn('sam', password, { address: '192.0.2.1' })).toBeUndefined();
        expect(await staff.verifySignIn('sam', password, { address: '203.0.113.5' })).toBe('sam');
        // The lock still holds for everyone else.
        expect(await staff.listAccounts()).toMatchObject([{ locked: true }]);
        // An address last used longer ago than the policy allows is a stranger again.
        time.advance((staffSignInPolicy.knownAddressDays + 1) * 24 * HOUR);
        for (let i = 0; i < 5; i += 1) await staff.verifySignIn('sam', 'wrong password!', { address: `198.51.100.${i}` });
        expect(await staff.verifySignIn('sam', password, { address: '203.0.113.5' })).toBeUndefined();
        expect(JSON.stringify(await query('SELECT * FROM staff_known_addresses'))).not.toContain('203.0.113.5');
      });

      it('makes the address a stranger guesses from wait, longer each time, and lets the owner in from another straight after', async () => {
        vi.useFakeTimers({ now: time.now(), toFake: ['Date'] });
        try {
          const throttle = createSignInThrottle({ kind: 'memory' });
          const staff = auth();
          await staff.addAccount('sam', password);
          const stranger = { address: '198.51.100.66', throttle };
          const answers = [];
          for (let i = 0; i < 8; i += 1) answers.push(await staff.attemptSignIn('sam', `guess ${i}`, stranger));
          expect(answers.slice(0, 4)).toEqual(Array(4).fill({ ok: false }));
          // From the 5th wrong password on: wait (the 6th to 8th were not even checked).
          for (const answer of answers.slice(4)) expect(answer).toEqual({ ok: false, retryAfterMs: MINUTE });
          // Even the right password waits: nothing shows whether it was right.
          expect(await staff.attemptSignIn('sam', password, stranger)).toEqual({ ok: false, retryAfterMs: MINUTE });
          // An unknown username waits just the same.
          for (let i = 0; i < 5; i += 1) await staff.attemptSignIn('nobody', 'guess', stranger);
          expect(await staff.attemptSignIn('nobody', 'guess', stranger)).toEqual({ ok: false, retryAfterMs: MINUTE });
          // The owner, from the office, straight after.
          expect(await staff.attemptSignIn('sam', password, { address: '203.0.113.5', throttle })).toEqual({ ok: true, username: 'sam' });
          // The next wrong password from the stranger doubles the wait.
          vi.setSystemTime(Date.now() + MINUTE + 1000);
          expect(await staff.attemptSignIn('sam', 'guess again', stranger)).toEqual({ ok: false, retryAfterMs: 2 * MINUTE });
          // An unlock ends every wait on the account.
          await staff.unlockAccount('sam');
          expect(await staff.attemptSignIn('sam', password, stranger)).toEqual({ ok: true, username: 'sam' });
          await expect(staff.unlockAccount('nobody')).rejects.toMatchObject({ problem: 'not-found' });
        } finally {
          vi.useRealTimers();
        }
      });

      it('counts only failures in a row: a right password starts the count again', async () => {
        const staff = auth({ maxFailures: 5 });
        await staff.addAccount('sam', password);
        for (let i = 0; i < 4; i += 1) await staff.verifySignIn('sam', 'wrong password!');
        expect(await staff.verifySignIn('sam', password)).toBe('sam');
        for (let i = 0; i < 4; i += 1) await staff.verifySignIn('sam', 'wrong password!');
        expect(await staff.verifySignIn('sam', password)).toBe('sam');
        expect(locks).toBe(0);
      });

      it('cannot be raced past the limit by wrong passwords sent at once', async () => {
        const staff = auth({ maxFailures: 5 });
        await staff.addAccount('sam', password);
        await Promise.all(Array.from({ length: 12 }, () => staff.verifySignIn('sam', 'wrong password!')));
        expect(await staff.verifySignIn('sam', password)).toBeUndefined();
        expect(locks).toBeGreaterThanOrEqual(1);
      });

      it('refuses a right password when a parallel wrong guess locked the account while it was being checked', async () => {
        await auth().addAccount('sam', password);
        const real = store.staff;
        // Another request's five wrong guesses land just after this one has read the account.
        const racing = new Proxy(real, {
          get(target, property) {
            if (property === 'getAccount') {
              return async (username: string) => {
                const account = await target.getAccount(username);
                for (let i = 0; i < 5; i += 1) {
                  await target.recordFailedSignIn(username, { maxFailures: 5, lockUntil: new Date(time.now().getTime() + 15 * MINUTE).toISOString(), at: time.now().toISOString() });
                }
                return account;
              };
            }
            const value: unknown = Reflect.get(target, property);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }) satisfies StaffStore;
        expect(await auth({ store: racing }).verifySignIn('sam', password)).toBeUndefined();
        expect(await auth().listAccounts()).toMatchObject([{ username: 'sam', locked: true }]);
      });

      it('lets a reset unlock and re-enable an account', async () => {
        const staff = auth({ maxFailures: 5 });
        await staff.addAccount('sam', password);
        for (let i = 0; i < 5; i += 1) await staff.verifySignIn('sam', 'wrong password!');
        await staff.disableAccount('sam');
        await staff.resetAccount('sam', password);
        expect(await staff.verifySignIn('sam', password)).toBe('sam');
      });

      it('locking one account leaves the others alone', async () => {
        const staff = auth({ maxFailures: 5 });
        await staff.addAccount('sam', password);
        await staff.addAccount('alex', password);
        for (let i = 0; i < 5; i += 1) await staff.verifySignIn('sam', 'wrong password!');
        expect(await staff.verifySignIn('alex', password)).toBe('alex');
      });
    });

    describe('sessions', () => {
      it('have a random 32-byte id that is stored only as a hash, and a CSRF token of their own', async () => {
        const staff = auth();
        await staff.addAccount('sam', password);
        const first = await staff.signIn('sam', password);
        const second = await staff.signIn('sam', password);
        if (!first.ok || !second.ok) throw new Error('sign-in failed');
        expect(first.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(Buffer.from(first.sessionId, 'base64url')).toHaveLength(32);
        expect(first.sessionId).not.toBe(second.sessionId);
        expect(first.csrfToken).not.toBe(second.csrfToken);
        expect(first.csrfToken).not.toBe(first.sessionId);
        const rows = await query('SELECT id_hash, username, csrf_token FROM staff_sessions ORDER BY created_at');
        expect(rows.map((r) => r['id_hash'])).toContain(hashSessionId(first.sessionId));
        expect(JSON.stringify(rows)).not.toContain(first.sessionId);
        expect(await staff.session(first.sessionId)).toEqual({ username: 'sam', csrfToken: first.csrfToken });
      });

      it(`end after ${staffSignInPolicy.idleHours} hours without a request, and each request keeps them alive`, async () => {
        const staff = auth();
        await staff.addAccount('sam', password);
        const signedIn = await staff.signIn('sam', password);
        if (!signedIn.ok) throw new Error('sign-in failed');
        const { sessionId } = signedIn;
        time.advance(7 * HOUR + 59 * MINUTE);
        expect(await staff.session(sessionId)).toBeDefined();
        // Seen just now: another 3 hours is fine.
        time.advance(3 * HOUR);
        expect(await staff.session(sessionId)).toBeDefined();
        time.advance(8 * HOUR);
        expect(await staff.session(sessionId)).toBeUndefined();
        // The expired session is gone, so going back in time does not bring it back.
        expect(await query('SELECT COUNT(*) AS n FROM staff_sessions')).toEqual([{ n: 0 }]);
      });

      it(`end ${staffSignInPolicy.absoluteHours} hours after sign-in, however busy`, async () => {
        const staff = auth();
        await staff.addAccount('sam', password);
        const signedIn = await staff.signIn('sam', password);
        if (!signedIn.ok) throw new Error('sign-in failed');
        for (let hour = 1; hour < staffSignInPolicy.absoluteHours; hour += 1) {
          time.advance(HOUR);
          expect(await staff.session(signedIn.sessionId), `after ${hour} hours`).toBeDefined();
        }
        time.advance(HOUR);
        expect(await staff.session(signedIn.sessionId)).toBeUndefined();
        expect(await query('SELECT COUNT(*) AS n FROM staff_sessions')).toEqual([{ n: 0 }]);
      });

      it('end at sign-out, on a password reset and when the account is disabled', async () => {
        const staff = auth();
        await staff.addAccount('sam', password);
        const start = async () => {
          const result = await staff.signIn('sam', password);
          if (!result.ok) throw new Error('sign-in failed');
          return result.sessionId;
        };
        const a = await start();
        await staff.signOut(a);
        expect(await staff.session(a)).toBeUndefined();

        const b = await start();
        await staff.resetAccount('sam', 'another good password');
        expect(await staff.session(b)).toBeUndefined();

        const c = await staff.signIn('sam', 'another good password');
        if (!c.ok) throw new Error('sign-in failed');
        await staff.disableAccount('sam');
        expect(await staff.session(c.sessionId)).toBeUndefined();
      });

      it('ignore ids that are not the right shape, and unknown ones', async () => {
        const staff = auth();
        for (const id of [undefined, '', 'x', "' OR 1=1 --", 'A'.repeat(43), 'A'.repeat(44)]) {
          expect(await staff.session(id)).toBeUndefined();
        }
        await expect(staff.signOut('not a session')).resolves.toBeUndefined();
      });

      it('sweep sessions that ran out when a new one starts', async () => {
        const staff = auth();
        await staff.addAccount('sam', password);
        await staff.signIn('sam', password);
        await staff.signIn('sam', password);
        time.advance(9 * HOUR);
        await staff.signIn('sam', password);
        expect(await query('SELECT COUNT(*) AS n FROM staff_sessions')).toEqual([{ n: 1 }]);
      });
    });
  });
}
