// The staff and request CLIs pointed at PostgreSQL with DATABASE_URL, as on a deployment with
// several servers: they must reach the same accounts and requests the servers use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { StaffAuth } from '../../src/lib/staff/auth';
import { requestByEmail } from '../support/request-fixtures.ts';
import { storeBackends } from '../support/store-backends.ts';
import { freePort } from '../support/free-port.ts';

const postgres = storeBackends().find((backend) => backend.name === 'PostgreSQL')!;
const password = 'correct horse battery';

/** The CLIs in-process (tests/support/run-cli.ts), with no data folder to fall back on. */
function cli(script: 'staff' | 'requests', args: string[], env: Record<string, string>) {
  return runCli(script, args, { DATA_DIR: '/nonexistent/never-used', ...env }, ['STAFF_PASSWORD', 'DATA_DIR']);
}

describe.skipIf(postgres.unavailable)('the CLIs on PostgreSQL', { timeout: 60_000 }, () => {
  let url: string;

  beforeEach(async () => {
    await postgres.fresh();
    url = postgres.url();
  });
  afterEach(() => postgres.cleanup());

  it('add an account the servers can sign in with, and list requests the servers stored', async () => {
    expect(await cli('requests', ['migrate'], { DATABASE_URL: url })).toMatchObject({ status: 0, stdout: expect.stringContaining('up to date') });
    expect((await cli('staff', ['add', 'sam'], { DATABASE_URL: url, STAFF_PASSWORD: password })).status).toBe(0);
    const store = postgres.open({ replyByFor: () => '2026-11-30' });
    expect(await new StaffAuth({ store: store.staff }).verifySignIn('sam', password)).toBe('sam');
    const { reference } = await store.requests.add(requestByEmail);

    const listed = await cli('requests', ['list'], { DATABASE_URL: url });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(reference);
    expect(listed.stdout).toContain('Your right of review');
    expect((await cli('staff', ['list'], { DATABASE_URL: url })).stdout).toMatch(/^sam {2}active/m);
    const exported = await cli('requests', ['export', '--format', 'json'], { DATABASE_URL: url });
    expect(JSON.parse(exported.stdout)).toMatchObject([{ reference, request: { email: 'sam@example.com' } }]);
  });

  it('say plainly when the database cannot be reached, without printing the URL or its password', async () => {
    const port = await freePort();
    const secretUrl = `postgres://staff:s3cret-pass@127.0.0.1:${port}/requests`;
    const result = await cli('requests', ['list'], { DATABASE_URL: secretUrl, PGCONNECT_TIMEOUT: '2' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Could not list the requests in the PostgreSQL database in DATABASE_URL');
    expect(result.stderr).not.toContain('s3cret-pass');
    const staff = await cli('staff', ['add', 'sam'], { DATABASE_URL: secretUrl, STAFF_PASSWORD: password });
    expect(staff.status).toBe(1);
    expect(staff.stderr).not.toContain('s3cret-pass');
  });

  it('refuse a DATABASE_URL that is not a PostgreSQL address', async () => {
    const result = await cli('requests', ['list'], { DATABASE_URL: 'mysql://root@localhost/requests' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL must start with postgres:// or postgresql://');
  });
});
