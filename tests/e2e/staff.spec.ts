import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { axeViolations } from '../support/axe.ts';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { builtPagePaths } from '../support/built-pages.ts';
import { confirmedReference, postRequest, startServer, validBody, type RunningServer } from '../support/request-server.ts';
import { todayInLondon } from '../../src/lib/dates/index.ts';
import { newReference } from '../../src/lib/requests/reference.ts';
import { htmlProblems } from '../support/html-validate.ts';
import { readRows } from '../support/sqlite.ts';
import { rawRequest } from '../support/raw-http.ts';
import net from 'node:net';
import { maxBodyBytes, maxDiscardBytes } from '../../server/request-limits.mjs';

// The staff queue runs on a server of its own with its own data folder (one per worker),
// so the accounts, locks and status changes here touch nothing else.

const password = 'correct horse battery staple';
const MS_PER_DAY = 86_400_000;

let server: RunningServer;
let overdueRef: string;
let dueTodayRef: string;
let formulaRef: string;

const url = (path: string) => `${server.url}${path}`;
const requestPage = (reference: string) => url(`/staff/requests/${reference}/`);

function staffCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('node_modules/.bin/node', ['scripts/staff.ts', ...args], {
    env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run staff -- ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** YYYY-MM-DD, `days` calendar days before today in London. */
function daysAgo(days: number): string {
  const [y, m, d] = todayInLondon().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A request made long ago, put straight into the store: the form can only make today's. */
function insertRequest(title: string, receivedDaysAgo: number, replyByDaysAgo: number): string {
  const reference = newReference(Number(todayInLondon().slice(0, 4)));
  const db = new DatabaseSync(join(server.dataDir, 'requests.sqlite'));
  try {
    db.prepare(
      `INSERT INTO format_requests (reference, created_at, reply_by, document_title, format, name, contact_method, email)
      VALUES (?, ?, ?, ?, 'braille', 'Old Request', 'email', 'old@example.com')`,
    ).run(reference, new Date(Date.now() - receivedDaysAgo * MS_PER_DAY).toISOString(), daysAgo(replyByDaysAgo), title);
  } finally {
    db.close();
  }
  return reference;
}

/** Sends the public form as a browser would; resolves with the new reference. */
async function submitRequest(fields: Record<string, string> = {}): Promise<string> {
  const response = await postRequest(server.url, validBody(fields));
  expect(response.status).toBe(303);
  return confirmedReference(response, server.url) ?? '';
}

function statusOf(reference: string): string {
  return String(readRows(join(server.dataDir, 'requests.sqlite'), 'SELECT status FROM format_requests WHERE reference = ?', reference)[0]?.['status']);
}

async function signIn(page: Page, username = 'alice', secret = password) {
  await page.goto(url('/staff/sign-in/'));
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in without a browser; resolves with the Cookie header value and the raw Set-Cookie. */
async function signInByFetch(username = 'alice', headers: Record<string, string> = {}): Promise<{ cookie: string; setCookie: string }> {
  const response = await fetch(url('/staff/sign-in/'), {
    method: 'POST',
    body: new URLSearchParams({ username, password }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, ...headers },
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0] ?? '', setCookie };
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === 'staff_session');
}

/** The CSRF token printed in the page's forms. */
async function csrfToken(page: Page): Promise<string> {
  return (await page.locator('input[name="csrf"]').first().getAttribute('value')) ?? '';
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startServer({ REQUEST_RATE_LIMIT: '100000', STAFF_SIGN_IN_RATE_LIMIT: '100000' });
  // The CLI opens the store first, so its tables exist before anything is inserted directly.
  staffCli(['add', 'alice'], { STAFF_PASSWORD: password });
  await submitRequest({ documentTitle: 'A request sent today' });
  formulaRef = await submitRequest({ documentTitle: '=HYPERLINK("http://evil.example","Click")' });
  overdueRef = insertRequest('An overdue request', 20, 10);
  dueTodayRef = insertRequest('A request due today', 7, 0);
});

test.afterAll(async () => {
  await server?.stop();
  // Test accounts and requests only; nothing here is kept.
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the staff queue with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('sign in, see the overdue request first, open a request, change its status with a note and see it in the history', async ({ page }) => {
      const reference = await submitRequest({ documentTitle: `Status change with JavaScript ${javaScriptEnabled}`, anythingElse: 'Two copies' });
      await signIn(page);
      await expect(page).toHaveURL(url('/staff/'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessible-format requests');
      await expect(page.getByText('Signed in as alice')).toBeVisible();

      const rows = page.locator('table.staff-queue tbody tr');
      await expect(rows.nth(0).getByRole('rowheader')).toHaveText(overdueRef);
      await expect(rows.nth(0)).toContainText('10 days overdue');
      await expect(rows.nth(0)).toContainText('New');
      await expect(rows.nth(1).getByRole('rowheader')).toHaveText(dueTodayRef);
      await expect(rows.nth(1)).toContainText('Due today');
      await expect(page.getByRole('columnheader', { name: 'Days left (calendar days)' })).toBeVisible();

      await page.getByRole('link', { name: reference }).click();
      await expect(page).toHaveURL(requestPage(reference));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
      await expect(page.getByText('Two copies')).toBeVisible();
      await expect(page.getByText('test.person@example.com')).toBeVisible();
      await expect(page.getByText('The status has not changed since the request arrived')).toBeVisible();

      await page.getByLabel('New status').selectOption({ label: 'In progress' });
      await page.getByLabel('Note (optional)').fill('Sent to the print team');
      await page.getByRole('button', { name: 'Change status' }).click();

      await expect(page).toHaveURL(`${requestPage(reference)}?changed`);
      await expect(page.getByRole('status')).toContainText('This request is now In progress');
      const history = page.getByRole('table', { name: 'Status changes, oldest first' });
      await expect(history.locator('tbody tr')).toHaveCount(1);
      const cells = history.locator('tbody tr td');
      await expect(cells.nth(1)).toHaveText('alice');
      await expect(cells.nth(2)).toHaveText('New');
      await expect(cells.nth(3)).toHaveText('In progress');
      await expect(cells.nth(4)).toHaveText('Sent to the print team');
      expect(statusOf(reference)).toBe('in-progress');

      // The filter links work without JavaScript.
      await page.goto(url('/staff/'));
      await page.getByRole('navigation', { name: 'Show requests by status' }).getByRole('link', { name: /^In progress/ }).click();
      await expect(page).toHaveURL(url('/staff/?status=in-progress'));
      await expect(page.getByRole('link', { name: reference })).toBeVisible();
      await expect(page.getByRole('link', { name: overdueRef })).toHaveCount(0);
    });

    test('a status change without a status shows the error summary and changes nothing', async ({ page }) => {
      await signIn(page);
      await page.goto(requestPage(dueTodayRef));
      await page.getByLabel('Note (optional)').fill('Forgot the status');
      await page.getByRole('button', { name: 'Change status' }).click();
      await expect(page).toHaveTitle(/^Error: /);
      const summary = page.locator('[data-error-summary]');
      await expect(summary.getByRole('link', { name: 'Select a new status' })).toHaveAttribute('href', '#status');
      await expect(page.getByLabel('Note (optional)')).toHaveValue('Forgot the status');
      expect(statusOf(dueTodayRef)).toBe('new');
    });

    test('a wrong password gets the same answer as an unknown username', async ({ page }) => {
      await signIn(page, 'alice', 'not the right password');
      await expect(page.locator('[data-error-summary] li')).toHaveText('Enter a correct username and password');
      await signIn(page, 'nobody-at-all', password);
      await expect(page.locator('[data-error-summary] li')).toHaveText('Enter a correct username and password');
      expect(await sessionCookie(page.context())).toBeUndefined();
    });

    test('signed out, the queue, a request and the export send you to the sign-in page', async ({ page }) => {
      for (const path of ['/staff/', `/staff/requests/${overdueRef}/`, '/staff/requests/AF-2026-ZZZZZZZZ/', '/staff/export.csv']) {
        await page.goto(url(path));
        await expect(page, path).toHaveURL(url('/staff/sign-in/'));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to the staff pages');
      }
    });

    test('signing out ends the session', async ({ page, context }) => {
      await signIn(page);
      const before = await sessionCookie(context);
      expect(before).toBeDefined();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(url('/staff/sign-in/?signed-out'));
      await expect(page.getByText('You have signed out.')).toBeVisible();
      expect(await sessionCookie(context)).toBeUndefined();
      // The old cookie no longer works even if someone kept a copy.
      const replay = await fetch(url('/staff/'), { headers: { Cookie: `staff_session=${before?.value}` }, redirect: 'manual' });
      expect(replay.status).toBe(303);
      expect(replay.headers.get('location')).toBe('/staff/sign-in/');
    });
  });
}

test.describe('what the staff pages refuse', () => {
  test('a staff POST without the session’s CSRF token gets a readable 403 and changes nothing', async ({ page }) => {
    await signIn(page);
    await page.goto(requestPage(overdueRef));
    const token = await csrfToken(page);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const post = (form: Record<string, string>, path = `/staff/requests/${overdueRef}/`) =>
      page.request.post(url(path), { form, headers: { Origin: server.url }, maxRedirects: 0 });

    const forged: Record<string, string>[] = [{ status: 'closed' }, { status: 'closed', csrf: '' }, { status: 'closed', csrf: 'x'.repeat(43) }, { status: 'closed', csrf: token.slice(1) }];
    for (const form of forged) {
      const response = await post(form);
      expect(response.status(), JSON.stringify(form)).toBe(403);
      expect(response.headers()['cache-control']).toBe('no-store');
      const html = await response.text();
      expect(html).toContain('<h1>Your form could not be sent</h1>');
      expect(html).toContain('Nothing was changed.');
    }
    // Sign-out needs the token too.
    expect((await post({}, '/staff/sign-out/')).status()).toBe(403);
    expect(statusOf(overdueRef)).toBe('new');

    // The real token works, through the same route.
    const accepted = await post({ status: 'in-progress', from: 'new', csrf: token, note: '' });
    expect(accepted.status()).toBe(303);
    expect(statusOf(overdueRef)).toBe('in-progress');
    const back = await post({ status: 'new', from: 'in-progress', csrf: token, note: 'Put back for the other tests' });
    expect(back.status()).toBe(303);
    expect(statusOf(overdueRef)).toBe('new');
  });

  test('a staff POST from another website is refused before it is read', async ({ page }) => {
    await signIn(page);
    await page.goto(requestPage(overdueRef));
    const token = await csrfToken(page);
    const response = await page.request.post(requestPage(overdueRef), {
      form: { status: 'closed', csrf: token },
      headers: { Origin: 'http://evil.example' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('Your form could not be sent');
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(statusOf(overdueRef)).toBe('new');
  });

  test('the session cookie is HttpOnly, SameSite=Strict, for /staff/ only, with no lifetime, and Secure over HTTPS', async ({ page, context }) => {
    await signIn(page);
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/staff/', secure: false, expires: -1 });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const plain = await signInByFetch();
    expect(plain.setCookie).toMatch(/^staff_session=[A-Za-z0-9_-]{43}; /);
    expect(plain.setCookie).toMatch(/; Path=\/staff\//);
    expect(plain.setCookie).toMatch(/; HttpOnly/);
    expect(plain.setCookie).toMatch(/; SameSite=Strict/);
    expect(plain.setCookie).not.toMatch(/Max-Age|Expires|Secure|Domain/i);
    // A client's own X-Forwarded-Proto does not make the cookie Secure: only SITE_URL or a
    // trusted proxy decide that (tests/unit/hardening-origins.test.ts).
    const proxied = await signInByFetch('alice', { 'X-Forwarded-Proto': 'https' });
    expect(proxied.setCookie).toMatch(/^staff_session=/);
    expect(proxied.setCookie).not.toMatch(/Secure/);

    // The browser does not send it to the public site.
    const sent: string[] = [];
    page.on('request', (request) => {
      const cookieHeader = request.headers()['cookie'];
      if (cookieHeader && !new URL(request.url()).pathname.startsWith('/staff/')) sent.push(request.url());
    });
    await page.goto(url('/'));
    await page.goto(url('/accessible-formats/request/'));
    expect(sent).toEqual([]);
  });

  test('every staff response says Cache-Control: no-store and X-Robots-Tag: noindex', async () => {
    const { cookie } = await signInByFetch();
    const signedIn = { Cookie: cookie };
    const responses = await Promise.all([
      fetch(url('/staff/sign-in/')),
      fetch(url('/staff/sign-in/'), { method: 'POST', body: 'username=nobody&password=wrong', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url } }),
      fetch(url('/staff/'), { redirect: 'manual' }),
      fetch(url('/staff/'), { headers: signedIn }),
      fetch(url('/staff/?status=new'), { headers: signedIn }),
      fetch(requestPage(overdueRef), { headers: signedIn }),
      fetch(url('/staff/requests/AF-2026-ZZZZZZZZ/'), { headers: signedIn }),
      fetch(url('/staff/export.csv'), { headers: signedIn }),
      fetch(requestPage(overdueRef), { method: 'POST', body: 'status=closed', headers: { ...signedIn, 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url } }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 400, 303, 200, 200, 200, 404, 200, 403]);
    for (const response of responses) {
      expect(response.headers.get('cache-control'), response.url).toBe('no-store');
      expect(response.headers.get('x-robots-tag'), response.url).toBe('noindex');
    }
    const queue = await (await fetch(url('/staff/'), { headers: signedIn })).text();
    expect(queue).toContain('<meta name="robots" content="noindex">');
    expect(queue).not.toContain('data-pagefind-body');
  });

  test('200 KB sent to sign-in or a status change, with a length or chunked, gets the readable 413 page, no-store and noindex', async () => {
    const { cookie } = await signInByFetch();
    const big = `csrf=x&status=closed&note=${'x'.repeat(200_000)}`;
    const chunked = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < big.length; i += 8192) controller.enqueue(new TextEncoder().encode(big.slice(i, i + 8192)));
          controller.close();
        },
      });
    for (const path of ['/staff/sign-in/', `/staff/requests/${overdueRef}/`]) {
      for (const body of [big, chunked()]) {
        const response = await fetch(url(path), {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Cookie: cookie },
          redirect: 'manual',
          ...(typeof body === 'string' ? {} : { duplex: 'half' }),
        } as RequestInit);
        expect(response.status, path).toBe(413);
        expect(await response.text(), path).toContain('<h1>What you sent was too long</h1>');
        expect(response.headers.get('cache-control'), path).toBe('no-store');
        expect(response.headers.get('x-robots-tag'), path).toBe('noindex');
      }
    }
    expect(statusOf(overdueRef)).toBe('new');
    const trace = await rawRequest(server.url, 'TRACE /staff/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(trace).toMatch(/^HTTP\/1\.1 405 /);
    expect(trace).toMatch(/\r\nCache-Control: no-store\r\n/i);
  });

  test('a too-large body is read to its end before the 413 page is sent, so the sender sees the page; past 1 MiB it is refused at once', async () => {
    // What a browser sees: it sends the whole upload, then reads the answer. The server must not
    // answer (and close) while the body is still coming, or the browser shows a connection error.
    const { port } = new URL(server.url);
    const body = `csrf=x&note=${'x'.repeat(maxBodyBytes * 4)}`;
    const half = Math.floor(body.length / 2);
    const socket = net.connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`POST /staff/sign-in/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nOrigin: ${server.url}\r\nContent-Length: ${body.length}\r\n\r\n`);
    await new Promise<void>((resolve) => socket.write(body.slice(0, half), () => resolve()));
    // The first half is past the limit; give the server time to answer too early, if it would.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answer, 'no answer before the whole body is sent').toBe('');
    socket.write(body.slice(half));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('<h1>What you sent was too long</h1>');

    // A body declared larger than the bound is not read: the 413 comes back at once, before any of it is sent.
    const refused = await rawRequest(server.url, `POST /staff/sign-in/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nOrigin: ${server.url}\r\nContent-Length: ${maxDiscardBytes + 1}\r\n\r\n`);
    expect(refused).toMatch(/^HTTP\/1\.1 413 /);
  });

  test('a session is refused 12 hours after sign-in, however busy', async () => {
    const { cookie } = await signInByFetch();
    expect((await fetch(url('/staff/'), { headers: { Cookie: cookie }, redirect: 'manual' })).status).toBe(200);
    const db = new DatabaseSync(join(server.dataDir, 'requests.sqlite'));
    try {
      // As if it had been signed in 13 hours ago and used ever since.
      db.prepare('UPDATE staff_sessions SET created_at = ?, last_seen_at = ? WHERE id_hash = ?').run(
        new Date(Date.now() - 13 * 3_600_000).toISOString(),
        new Date().toISOString(),
        createHash('sha256').update(cookie.split('=')[1] ?? '').digest('hex'),
      );
    } finally {
      db.close();
    }
    const late = await fetch(url('/staff/'), { headers: { Cookie: cookie }, redirect: 'manual' });
    expect(late.status).toBe(303);
    expect(late.headers.get('location')).toBe('/staff/sign-in/');
  });

  test('the CSV export is an attachment with the filtered requests and formulas defused', async () => {
    const { cookie } = await signInByFetch();
    const response = await fetch(url('/staff/export.csv?status=new'), { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="accessible-format-requests-new-\d{4}-\d{2}-\d{2}\.csv"$/);
    const csv = await response.text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Reference,Received at \(UTC\),Reply by,Status,/);
    // Most urgent first, as on the page.
    expect(lines[1]).toMatch(new RegExp(`^${overdueRef},`));
    expect(csv).toContain(formulaRef);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(lines.slice(1).filter(Boolean).every((line) => line.includes(',new,'))).toBe(true);
  });

  test('no public page sets a cookie, even for someone signed in to the staff pages', async ({ page, context }) => {
    const paths = [...builtPagePaths(), '/accessible-formats/request/confirmation/?ref=AF-2026-ZZZZZZZZ', '/no-such-page/'];
    const setCookie: string[] = [];
    for (const path of paths) {
      const response = await fetch(url(path), { redirect: 'manual' });
      if (response.headers.get('set-cookie')) setCookie.push(path);
    }
    const submitted = await postRequest(server.url);
    if (submitted.headers.get('set-cookie')) setCookie.push('submit');
    expect(setCookie).toEqual([]);

    for (const path of ['/', '/accessible-formats/request/', '/search/']) await page.goto(url(path));
    expect(await context.cookies()).toEqual([]);
  });
});

test.describe('a stranger guessing passwords', () => {
  // A server of its own behind a pretend load balancer (TRUSTED_PROXY_HOPS=1), so the
  // stranger and the account's owner can come from different addresses.
  let own: RunningServer;
  test.beforeAll(async () => {
    own = await startServer({ TRUSTED_PROXY_HOPS: '1' });
    staffCli(['add', 'owner'], { STAFF_PASSWORD: password, DATA_DIR: own.dataDir });
  });
  test.afterAll(async () => {
    await own?.stop();
    if (own) rmSync(own.dataDir, { recursive: true, force: true });
  });

  test('8 wrong passwords from one address make that address wait, and the owner signs in from another straight after', async ({ browser }) => {
    const strangerContext = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.66' } });
    const stranger = await strangerContext.newPage();
    const tryAs = async (page: Page, secret: string) => {
      await page.goto(`${own.url}/staff/sign-in/`);
      await page.getByLabel('Username').fill('owner');
      await page.getByLabel('Password', { exact: true }).fill(secret);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      await tryAs(stranger, `wrong password ${attempt}`);
      if (attempt < 5) {
        await expect(stranger.locator('[data-error-summary] li')).toHaveText('Enter a correct username and password');
      } else {
        await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('Too many tries to sign in');
        await expect(stranger.getByText('There have been too many tries to sign in from this connection. Try again in 1 minute.')).toBeVisible();
      }
    }
    expect(await htmlProblems('sign-in wait', await stranger.content())).toEqual([]);
    // An unknown username from that address is told the same, so the wait reveals nothing.
    await stranger.goto(`${own.url}/staff/sign-in/`);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await strangerContext.request.post(`${own.url}/staff/sign-in/`, { form: { username: 'nobody-here', password: 'a wrong password' }, headers: { Origin: own.url }, maxRedirects: 0 });
      expect(response.status()).toBe(attempt < 5 ? 400 : 429);
    }
    await strangerContext.close();

    // The owner, from their own connection, straight after.
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await tryAs(owner, password);
    await expect(owner).toHaveURL(`${own.url}/staff/`);
    await expect(owner.getByText('Signed in as owner')).toBeVisible();
    await ownerContext.close();
  });
});

test.describe('the staff pages are accessible and valid', () => {
  const check = async (page: Page, state: string, problems: string[]) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      problems.push(...(await axeViolations(page, `${state} (${colorScheme})`)));
    }
  };

  test('axe finds no problems on sign-in (empty and with errors), the queue and a request', async ({ page }) => {
    const problems: string[] = [];
    await page.goto(url('/staff/sign-in/'));
    await check(page, 'sign-in', problems);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('[data-error-summary]')).toBeVisible();
    await check(page, 'sign-in with errors', problems);
    await signIn(page, 'nobody', 'a wrong password');
    await expect(page.locator('[data-error-summary]')).toBeVisible();
    await check(page, 'sign-in refused', problems);
    await signIn(page);
    await expect(page).toHaveURL(url('/staff/'));
    await check(page, 'queue', problems);

    const reference = await submitRequest({ documentTitle: 'Accessibility check', replyBy: 'post', address: '1 Example Street\nLondon', postcode: 'SE1 0LL', email: '' });
    await page.goto(requestPage(reference));
    await check(page, 'request', problems);
    await page.getByRole('button', { name: 'Change status' }).click();
    await expect(page.locator('[data-error-summary]')).toBeVisible();
    await check(page, 'request with errors', problems);
    await page.getByLabel('New status').selectOption({ label: 'Sent' });
    await page.getByLabel('Note (optional)').fill('Posted first class');
    await page.getByRole('button', { name: 'Change status' }).click();
    await expect(page.getByRole('status')).toBeVisible();
    await check(page, 'request with history', problems);
    expect(problems).toEqual([]);
  });

  test('html-validate finds no problems in the HTML the server sends', async ({ page }) => {
    const problems: string[] = [];
    const validate = async (name: string, html: string) => void problems.push(...(await htmlProblems(name, html)));
    const form = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url };
    await validate('sign-in', await (await fetch(url('/staff/sign-in/'))).text());
    await validate('sign-in with errors', await (await fetch(url('/staff/sign-in/'), { method: 'POST', body: 'username=&password=', headers: form })).text());
    await validate('sign-in refused', await (await fetch(url('/staff/sign-in/'), { method: 'POST', body: 'username=nobody&password=wrong', headers: form })).text());

    await signIn(page);
    const get = async (path: string) => (await page.request.get(url(path))).text();
    await validate('queue', await get('/staff/'));
    await validate('queue filtered', await get('/staff/?status=closed'));
    await validate('request', await get(`/staff/requests/${overdueRef}/`));
    await validate('request not found', await get('/staff/requests/AF-2026-ZZZZZZZZ/'));
    const token = await csrfToken(page);
    const post = async (body: Record<string, string>) =>
      (await page.request.post(requestPage(dueTodayRef), { form: body, headers: { Origin: server.url }, maxRedirects: 0 })).text();
    await validate('request with errors', await post({ csrf: token, status: '', note: 'x'.repeat(501) }));
    await validate('refused', await post({ status: 'sent' }));
    const reference = await submitRequest({ documentTitle: 'Validation check' });
    await page.request.post(requestPage(reference), { form: { csrf: token, status: 'closed', note: 'Duplicate\nof another request' }, headers: { Origin: server.url } });
    await validate('request with history', await get(`/staff/requests/${reference}/?changed`));
    expect(problems).toEqual([]);
  });
});
