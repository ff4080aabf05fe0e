// The staff and request CLIs pointed at PostgreSQL with DATABASE_URL, as on a deployment with
// several servers: they must reach the same accounts and requests the servers use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { StaffAuth } from '../../src/lib/staff/auth';
import { requestByEmail } from '../support/request-fixtures.ts';
import { storeBackends } from '../support/store-backends.ts';
import { freePort } from '../support/free-port.ts';

const postgres = storeBackends().find((backend) => backend.name === 'PostgreSQL')!;
const password = 'correct horse battery';

function cli(script: 'staff' | 'requests', args: string[], env: Record<string, string>) {
  const { STAFF_PASSWORD: _ignored, DATA_DIR: _data, ...inherited } = process.env;
  const result = spawnSync('node_modules/.bin/node', [`scripts/${script}.ts`, ...args], {
    env: { ...inherited, DATA_DIR: '/nonexistent/never-used', ...env },
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe.skipIf(postgres.unavailable)('the CLIs on PostgreSQL', { timeout: 60_000 }, () => {
  let url: string;

  beforeEach(async () => {
    await postgres.fresh();
    url = postgres.url();
  });
  afterEach(() => postgres.cleanup());

  it('add an account the servers can sign in with, and list requests the servers stored', async () => {
    expect(cli('requests', ['migrate'], { DATABASE_URL: url })).toMatchObject({ status: 0, stdout: expect.stringContaining('up to date') });
    expect(cli('staff', ['add', 'sam'], { DATABASE_URL: url, STAFF_PASSWORD: password }).status).toBe(0);
    const store = postgres.open({ replyByFor: () => '2026-11-30' });
    expect(await new StaffAuth({ store: store.staff }).verifySignIn('sam', password)).toBe('sam');
    const { reference } = await store.requests.add(requestByEmail);

    const listed = cli('requests', ['list'], { DATABASE_URL: url });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(reference);
    expect(listed.stdout).toContain('Your right of review');
    expect(cli('staff', ['list'], { DATABASE_URL: url }).stdout).toMatch(/^sam {2}active/m);
    const exported = cli('requests', ['export', '--format', 'json'], { DATABASE_URL: url });
    expect(JSON.parse(exported.stdout)).toMatchObject([{ reference, request: { email: 'sam@example.com' } }]);
  });

  it('say plainly when the database cannot be reached, without printing the URL or its password', async () => {
    const port = await freePort();
    const secretUrl = `postgres://staff:s3cret-pass@127.0.0.1:${port}/requests`;
    const result = cli('requests', ['list'], { DATABASE_URL: secretUrl, PGCONNECT_TIMEOUT: '2' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Could not list the requests in the PostgreSQL database in DATABASE_URL');
    expect(result.stderr).not.toContain('s3cret-pass');
    const staff = cli('staff', ['add', 'sam'], { DATABASE_URL: secretUrl, STAFF_PASSWORD: password });
    expect(staff.status).toBe(1);
    expect(staff.stderr).not.toContain('s3cret-pass');
  });

  it('refuse a DATABASE_URL that is not a PostgreSQL address', () => {
    const result = cli('requests', ['list'], { DATABASE_URL: 'mysql://root@localhost/requests' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL must start with postgres:// or postgresql://');
  });
});
