/**
 * Issue 23, medium 1, through the sign-in page of the built server (run `npm run build`
 * first): 20 wrong passwords sent at the same moment from one address do not lock the
 * account, and the owner signs in from a new address straight after; an account held by
 * guesses from many addresses says so to its owner, rather than that the password is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startServer, type RunningServer } from '../support/request-server.ts';

const password = 'a long enough password 123';

describe.skipIf(!existsSync('dist/server/entry.mjs'))('the sign-in page', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // Behind a pretend load balancer, so the test can send from several addresses.
    server = await startServer({ TRUSTED_PROXY_HOPS: '1', STAFF_SIGN_IN_RATE_LIMIT: '1000' });
    for (const name of ['sam', 'alex']) {
      const added = spawnSync('node_modules/.bin/node', ['scripts/staff.ts', 'add', name], {
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: server.dataDir, STAFF_PASSWORD: password },
        encoding: 'utf8',
      });
      expect(added.status, added.stderr).toBe(0);
    }
  }, 60_000);
  afterAll(() => server?.stop());

  const signIn = async (username: string, secret: string, from: string) => {
    const response = await fetch(`${server.url}/staff/sign-in/`, {
      method: 'POST',
      body: new URLSearchParams({ username, password: secret }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, 'X-Forwarded-For': from },
      redirect: 'manual',
    });
    return { status: response.status, text: await response.text() };
  };

  it('takes a burst of 20 wrong passwords from one address without locking the owner out', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('sam', `wrong guess ${i}`, '198.51.100.66')));
    expect(burst.every((answer) => answer.status !== 303)).toBe(true);
    expect(burst.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(15);
    const owner = await signIn('sam', password, '203.0.113.5');
    expect(owner.status).toBe(303);
  }, 60_000);

  it('tells the owner of a held account that it is held', async () => {
    for (let i = 0; i < 20; i += 1) expect((await signIn('alex', 'wrong guess', `198.51.100.${100 + i}`)).status).toBe(400);
    const owner = await signIn('alex', password, '192.0.2.7');
    expect(owner.status).toBe(400);
    expect(owner.text).toContain('This account is held for now');
    expect(owner.text).toMatch(/Try again in \d+ minutes?/);
    expect(owner.text).not.toContain('Enter a correct username and password');
  }, 60_000);
});
