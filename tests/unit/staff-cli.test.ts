import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
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

function cli(args: string[], env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  const { STAFF_PASSWORD: _ignored, ...inherited } = process.env;
  const result = spawnSync('node_modules/.bin/node', ['scripts/staff.ts', ...args], {
    env: { ...inherited, DATABASE_URL: '', DATA_DIR: dir, ...env },
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
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
    const result = cli(['add', 'Sam.Jones'], { STAFF_PASSWORD: 'correct horse battery' });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('Added the account sam.jones.');
    expect(result.stdout).not.toContain('correct horse battery');
    expect(await signsIn('sam.jones', 'correct horse battery')).toBe(true);
  });

  it('makes a strong password and prints it once when STAFF_PASSWORD is not set', async () => {
    const result = cli(['add', 'alex']);
    expect(result.status).toBe(0);
    const password = /shown once, not stored anywhere\): (\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){5}$/);
    expect(result.stdout.split(password)).toHaveLength(2);
    expect(await signsIn('alex', password)).toBe(true);
  });

  it('resets a password (unlocking and re-enabling) and disables an account', async () => {
    cli(['add', 'sam'], { STAFF_PASSWORD: 'first password here' });
    expect(cli(['disable', 'sam'])).toMatchObject({ status: 0, stdout: 'Disabled the account sam and signed it out everywhere.\n' });
    expect(await signsIn('sam', 'first password here')).toBe(false);
    expect(cli(['list']).stdout).toMatch(/^sam {2}disabled {2}added \d{4}-\d{2}-\d{2}\n$/);
    expect(cli(['reset', 'sam'], { STAFF_PASSWORD: 'second password here' }).status).toBe(0);
    expect(await signsIn('sam', 'first password here')).toBe(false);
    expect(await signsIn('sam', 'second password here')).toBe(true);
    expect(cli(['list']).stdout).toMatch(/^sam {2}active/);
  });

  it('unlocks a locked account without changing its password', async () => {
    cli(['add', 'sam'], { STAFF_PASSWORD: 'first password here' });
    const store = sqliteStores(join(dir, 'requests.sqlite'), { replyByFor: () => '2026-11-30' });
    try {
      const auth = new StaffAuth({ store: store.staff, maxFailures: 3 });
      for (let i = 0; i < 3; i += 1) await auth.verifySignIn('sam', 'a wrong password');
      expect((await auth.listAccounts())[0]).toMatchObject({ locked: true });
    } finally {
      await store.close();
    }
    expect(await signsIn('sam', 'first password here')).toBe(false);
    expect(cli(['unlock', 'Sam'])).toMatchObject({ status: 0, stdout: 'Unlocked the account sam: it can sign in again at once, with the same password.\n' });
    expect(cli(['list']).stdout).toMatch(/^sam {2}active/);
    expect(await signsIn('sam', 'first password here')).toBe(true);
    expect(cli(['unlock', 'nobody']).status).toBe(1);
    expect(cli(['unlock']).status).toBe(2);
  });

  it('exits 1 for an account that exists already or does not exist', () => {
    cli(['add', 'sam'], { STAFF_PASSWORD: 'first password here' });
    expect(cli(['add', 'sam'], { STAFF_PASSWORD: 'first password here' })).toMatchObject({ status: 1, stdout: '' });
    expect(cli(['reset', 'nobody'], { STAFF_PASSWORD: 'first password here' }).status).toBe(1);
    const disabled = cli(['disable', 'nobody']);
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
  ])('exits 2 with a message on stderr for %j, and makes no file', (args, message) => {
    const result = cli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(dir, 'requests.sqlite'))).toBe(false);
  });

  it('exits 2 for a STAFF_PASSWORD under 12 characters', () => {
    const result = cli(['add', 'sam'], { STAFF_PASSWORD: 'elevenchars' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/12 characters or more/);
    expect(result.stderr).not.toContain('elevenchars');
    expect(existsSync(join(dir, 'requests.sqlite'))).toBe(false);
  });

  it('prints usage for help and for no arguments', () => {
    for (const args of [[], ['help'], ['--help']]) {
      const result = cli(args);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Usage: npm run staff -- <command> [NAME]');
    }
  });
});
