import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, spawnCli, type CliResult } from '../support/run-cli.ts';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStores } from '../support/stores.ts';
import { StaffAuth } from '../../src/lib/staff/auth';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'staff-cli-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** npm run staff, in-process (tests/support/run-cli.ts), on this test's own data folder. */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli('staff', args, { DATABASE_URL: '', DATA_DIR: dir, ...env }, ['STAFF_PASSWORD']);
}

/** Checks a password against the file the CLI wrote, as the server would. */
async function signsIn(username: string, password: string): Promise<boolean> {
  const store = sqliteStores(join(dir, 'requests.sqlite'), { replyByFor: () => '2026-11-30' });
  try {
    return (await new StaffAuth({ store: store.staff }).verifySignIn(username, password)) !== undefined;
  } finally {
    await store.close();
  }
}

describe('npm run staff', { timeout: 90_000 }, () => {
  it('adds an account with the password in STAFF_PASSWORD, and never prints it', async () => {
    const result = await cli(['add', 'Sam.Jones'], { STAFF_PASSWORD: 'correct horse battery' });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('Added the account sam.jones.');
    expect(result.stdout).not.toContain('correct horse battery');
    expect(await signsIn('sam.jones', 'correct horse battery')).toBe(true);
  });

  it('makes a strong password and prints it once when STAFF_PASSWORD is not set', async () => {
    const result = await cli(['add', 'alex']);
    expect(result.status).toBe(0);
    const password = /shown once, not stored anywhere\): (\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){5}$/);
    expect(result.stdout.split(password)).toHaveLength(2);
    expect(await signsIn('alex', password)).toBe(true);
  });

  it('resets a password (unlocking and re-enabling) and disables an account', async () => {
    await cli(['add', 'sam'], { STAFF_PASSWORD: 'first password here' });
    expect(await cli(['disable', 'sam'])).toMatchObject({ status: 0, stdout: 'Disabled the account sam and signed it out everywhere.\n' });
    expect(await signsIn('sam', 'first password here')).toBe(false);
    expect((await cli(['list'])).stdout).toMatch(/^sam {2}disabled {2}added \d{4}-\d{2}-\d{2}\n$/);
    expect((await cli(['reset', 'sam'], { STAFF_PASSWORD: 'second password here' })).status).toBe(0);
    expect(await signsIn('sam', 'first password here')).toBe(false);
    expect(await signsIn('sam', 'second password here')).toBe(true);
    expect((await cli(['list'])).stdout).toMatch(/^sam {2}active/);
  });

  it('unlocks a locked account without changing its password', async () => {
    await cli(['add', 'sam'], { STAFF_PASSWORD: 'first password here' });
    const store = sqliteStores(join(dir, 'requests.sqlite'), { replyByFor: () => '2026-11-30' });
    try {
      const auth = new StaffAuth({ store: store.staff, maxFailures: 3 });
      for (let i = 0; i < 3; i += 1) await auth.verifySignIn('sam', 'a wrong password');
      expect((await auth.listAccounts())[0]).toMatchObject({ locked: true });
    } finally {
      await store.close();
    }
    expect(await signsIn('sam', 'first password here')).toBe(false);
    expect(await cli(['unlock', 'Sam'])).toMatchObject({ status: 0, stdout: 'Unlocked the account sam: it can sign in again at once, with the same password.\n' });
    expect((await cli(['list'])).stdout).toMatch(/^sam {2}active/);
    expect(await signsIn('sam', 'first password here')).toBe(true);
    expect((await cli(['unlock', 'nobody'])).status).toBe(1);
    expect((await cli(['unlock'])).status).toBe(2);
  });

  it('exits 1 for an account that exists already or does not exist', async () => {
    await cli(['add', 'sam'], { STAFF_PASSWORD: 'first password here' });
    expect(await cli(['add', 'sam'], { STAFF_PASSWORD: 'first password here' })).toMatchObject({ status: 1, stdout: '' });
    expect((await cli(['reset', 'nobody'], { STAFF_PASSWORD: 'first password here' })).status).toBe(1);
    const disabled = await cli(['disable', 'nobody']);
    expect(disabled.status).toBe(1);
    expect(disabled.stderr).toMatch(/no account with that username/);
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['add'], /needs one NAME/],
    [['add', 'a', 'b'], /needs one NAME/],
    [['add', '--name', 'x'], /needs one NAME/],
    [['disable'], /needs one NAME/],
    [['add', 'sam jones'], /lower-case letters/],
    [['add', 'x'], /2 to 64/],
    [['list', 'extra'], /takes no NAME/],
  ])('exits 2 with a message on stderr for %j, and makes no file', async (args, message) => {
    const result = await cli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(dir, 'requests.sqlite'))).toBe(false);
  });

  it('exits 2 for a STAFF_PASSWORD under 12 characters', async () => {
    const result = await cli(['add', 'sam'], { STAFF_PASSWORD: 'elevenchars' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/12 characters or more/);
    expect(result.stderr).not.toContain('elevenchars');
    expect(existsSync(join(dir, 'requests.sqlite'))).toBe(false);
  });

  it('prints usage for help and for no arguments', async () => {
    for (const args of [[], ['help'], ['--help']]) {
      const result = await cli(args);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Usage: npm run staff -- <command> [NAME]');
    }
  });

  it('runs as a real command too: adds an account and lists it, printing only to stdout, exit code 0', async () => {
    const env = { DATABASE_URL: '', DATA_DIR: dir, STAFF_PASSWORD: 'correct horse battery' };
    const added = spawnCli('staff', ['add', 'sam'], env, ['STAFF_PASSWORD']);
    expect(added).toMatchObject({ status: 0, stderr: '' });
    expect(added.stdout).toMatch(/^Added the account sam\./);
    expect(added.stdout).not.toContain('correct horse battery');
    expect(spawnCli('staff', ['list'], env).stdout).toMatch(/^sam {2}active/);
    expect(spawnCli('staff', ['frobnicate'], env).status).toBe(2);
    expect(await signsIn('sam', 'correct horse battery')).toBe(true);
  });
});
