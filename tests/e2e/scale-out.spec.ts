// Several request servers sharing one PostgreSQL, as behind a load balancer: both take
// requests at once with unique references; killing one mid-burst loses nothing it confirmed;
// staff signed in through one see and change the same queue through the other; a sign-in
// lock counts wrong passwords sent to either, and waits hold on both; a database outage is reported, not hidden, and
// the servers recover from it by themselves.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { findPostgresBin, postgresReferences, startPostgres, type TestPostgres } from '../support/postgres.ts';
import { confirmedReference, postRequest, startServer, validBody, type RunningServer } from '../support/request-server.ts';

const password = 'correct horse battery staple';

let database: TestPostgres | undefined;
let databaseUrl = '';
let servers: RunningServer[] = [];

test.describe.configure({ mode: 'serial' });

function startRequestServer(): Promise<RunningServer> {
  // Behind a pretend load balancer, so tests can send from several addresses.
  return startServer({ DATABASE_URL: databaseUrl, REQUEST_RATE_LIMIT: '100000000', DATABASE_POOL_SIZE: '8', TRUSTED_PROXY_HOPS: '1' });
}

/**
 * Sends the public form to one server; resolves with the reference it confirmed, or undefined.
 * A connection that fails before any answer (refused, or a kept-alive connection the server closed
 * as it was reused, which a busy machine makes likely) is tried again on a new one, up to 3 times,
 * as a browser would: no answer means nothing was confirmed. Throws when the server stays unreachable.
 */
async function submit(server: RunningServer, title = 'Scale-out test'): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await postRequest(server.url, validBody({ documentTitle: title }));
    } catch (error) {
      if (attempt >= 3 || server.process.exitCode !== null || server.process.signalCode !== null) throw error;
      continue;
    }
    await response.arrayBuffer();
    return confirmedReference(response, server.url);
  }
}

/** Every reference in the shared database, read directly. */
const storedReferences = () => postgresReferences(databaseUrl);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (!findPostgresBin()) {
    // CI installs PostgreSQL (.ci/run), so there its absence is a failure, not a skip.
    if (process.env['CI']) throw new Error('PostgreSQL is needed for the scale-out tests in CI: apt-get install postgresql');
    return;
  }
  database = await startPostgres();
  databaseUrl = await database.createDatabase('scale_out');
  servers = await Promise.all([startRequestServer(), startRequestServer()]);
  for (const name of ['alice', 'bob']) {
    const added = spawnSync('node_modules/.bin/node', ['scripts/staff.ts', 'add', name], {
      env: { ...process.env, DATABASE_URL: databaseUrl, STAFF_PASSWORD: password },
      encoding: 'utf8',
    });
    if (added.status !== 0) throw new Error(`Could not add the staff account ${name}: ${added.stderr}`);
  }
});

test.beforeEach(() => {
  test.skip(!database, 'PostgreSQL is not installed here (apt-get install postgresql)');
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await database?.stop();
});

test('two servers take requests at the same time: every reference is different and every one is stored', async () => {
  const [a, b] = servers as [RunningServer, RunningServer];
  const confirmed = await Promise.all(Array.from({ length: 300 }, (_, i) => submit(i % 2 ? a : b)));
  expect(confirmed.filter((ref) => ref === undefined)).toEqual([]);
  expect(new Set(confirmed).size).toBe(300);
  const stored = await storedReferences();
  expect(confirmed.filter((ref) => !stored.has(ref!))).toEqual([]);
  // The confirmation page may be served by the other server: it finds the request too.
  const fromA = confirmed[1]!;
  const page = await fetch(`${b.url}/accessible-formats/request/confirmation/?ref=${fromA}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(fromA);
});

test('killing one server in the middle of a burst loses nothing it confirmed, and the other carries on', async () => {
  const survivor = servers[0]!;
  const doomed = await startRequestServer();
  const confirmed: string[] = [];
  let stop = false;
  const sender = async (server: RunningServer) => {
    while (!stop) {
      try {
        const reference = await submit(server, 'Sent during the kill');
        if (reference) confirmed.push(reference);
      } catch {
        return; // that server has gone
      }
    }
  };
  const senders = Array.from({ length: 16 }, (_, i) => sender(i % 2 ? survivor : doomed));
  // Killed once both servers have confirmed plenty, however busy the machine; then the survivor
  // must carry on confirming after the kill before the burst stops.
  await expect.poll(() => confirmed.length, { timeout: 25_000, intervals: [20] }).toBeGreaterThan(50);
  doomed.process.kill('SIGKILL');
  const atKill = confirmed.length;
  await expect.poll(() => confirmed.length, { timeout: 25_000, intervals: [20] }).toBeGreaterThan(atKill + 10);
  stop = true;
  await Promise.all(senders);
  await doomed.stop();

  expect(confirmed.length).toBeGreaterThan(50);
  const stored = await storedReferences();
  expect(confirmed.filter((ref) => !stored.has(ref))).toEqual([]);
  // The survivor is unharmed: it still takes requests.
  expect(await submit(survivor, 'After the kill')).toBeDefined();
});

test('staff signed in through one server see and change the same queue through the other', async ({ page }) => {
  const [a, b] = servers as [RunningServer, RunningServer];
  const reference = await submit(a, 'Sent to server A');
  expect(reference).toBeDefined();

  // Sign in on A. Both servers share the sessions table, so the cookie works on B as well,
  // as it would behind a load balancer that sends each request to any server.
  await page.goto(`${a.url}/staff/sign-in/`);
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${a.url}/staff/`);

  await page.goto(`${b.url}/staff/`);
  await expect(page.getByText('Signed in as alice')).toBeVisible();
  await page.getByRole('link', { name: reference! }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference!);
  await page.getByLabel('New status').selectOption({ label: 'In progress' });
  await page.getByLabel('Note (optional)').fill('Changed through server B');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('status')).toContainText('This request is now In progress');

  // Server A shows B's change and its history.
  await page.goto(`${a.url}/staff/requests/${reference}/`);
  const history = page.getByRole('table', { name: 'Status changes, oldest first' });
  await expect(history.locator('tbody tr')).toHaveCount(1);
  await expect(history).toContainText('alice');
  await expect(history).toContainText('Changed through server B');
  await page.goto(`${a.url}/staff/?status=in-progress`);
  await expect(page.getByRole('link', { name: reference! })).toBeVisible();
});

test('sign-in limits hold across servers: one address waits on both, and the lock per account spares an address used before', async () => {
  const [a, b] = servers as [RunningServer, RunningServer];
  const signIn = async (server: RunningServer, secret: string, from: string) =>
    (
      await fetch(`${server.url}/staff/sign-in/`, {
        method: 'POST',
        body: new URLSearchParams({ username: 'bob', password: secret }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, 'X-Forwarded-For': from },
        redirect: 'manual',
      })
    ).status;
  const office = '203.0.113.5';
  expect(await signIn(b, password, office)).toBe(303);
  // Five wrong guesses from one address, spread over both servers: then it waits on both.
  for (const server of [a, b, a, b, a]) expect(await signIn(server, 'not the password', '198.51.100.1')).not.toBe(303);
  expect(await signIn(b, password, '198.51.100.1')).toBe(429);
  expect(await signIn(a, password, '198.51.100.1')).toBe(429);
  // 15 more, each from another address: 20 in a row lock the account on every server...
  for (let i = 0; i < 15; i += 1) expect(await signIn(i % 2 ? a : b, 'not the password', `198.51.100.${10 + i}`)).toBe(400);
  expect(await signIn(a, password, '192.0.2.1')).toBe(400);
  expect(await signIn(b, password, '192.0.2.2')).toBe(400);
  // ...except for the address bob signed in from before.
  expect(await signIn(a, password, office)).toBe(303);
});

test('one address gets at most the configured number of accepted requests across both servers, then 429', async () => {
  // A database of its own: the other tests send hundreds of requests from this address.
  const url = await database!.createDatabase('shared_limit');
  const limited = await Promise.all([1, 2].map(() => startServer({ DATABASE_URL: url, REQUEST_RATE_LIMIT: '5', DATABASE_POOL_SIZE: '4' })));
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const response = await postRequest(limited[i % 2]!.url, validBody({ documentTitle: 'Shared limit' }));
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    // Per-server counting would have accepted 10 (5 on each).
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429, 429, 429, 429, 429]);
    expect((await postgresReferences(url)).size).toBe(5);
  } finally {
    await Promise.all(limited.map((server) => server.stop()));
  }
});

test('while the database is down the servers say the request was not saved, and afterwards they carry on by themselves', async () => {
  const [a, b] = servers as [RunningServer, RunningServer];
  const before = await submit(a, 'Before the outage');
  expect(before).toBeDefined();

  await database!.pause();
  const post = await postRequest(b.url, validBody({ documentTitle: 'During the outage' }));
  expect(post.status).toBe(503);
  expect(await post.text()).toContain('your request was not saved');
  expect((await fetch(`${a.url}/health/`)).status).toBe(503);

  await database!.resume();
  // No restart of the servers: their connection pools reconnect on the next request.
  expect((await fetch(`${a.url}/health/`)).status).toBe(200);
  const after = [await submit(a, 'After the outage'), await submit(b, 'After the outage')];
  expect(after).not.toContain(undefined);
  const stored = await storedReferences();
  expect([before, ...after].filter((ref) => !stored.has(ref!))).toEqual([]);
});
