import { test, expect, type APIRequestContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { axeViolations } from '../support/axe.ts';
import { htmlProblems } from '../support/html-validate.ts';

// "Is this page useful?": posted with JavaScript off, stored, shown to staff and exported;
// refused readably (and nothing stored) when it comes from another site or is malformed.
// Runs against the suite's server, whose data folder is E2E_DATA_DIR.
test.describe.configure({ mode: 'serial' });

const dataDir = process.env.E2E_DATA_DIR ?? '';
const password = 'feedback staff password 1';

function cli(script: 'feedback' | 'staff', args: string[], env: Record<string, string> = {}) {
  return spawnSync('node_modules/.bin/node', [`scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
}

interface Exported {
  page: string;
  kind: string;
  problem?: string;
}

function exported(): Exported[] {
  const result = cli('feedback', ['export', '--format', 'json']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Exported[];
}

const guide = '/guides/right-of-review/';

test('"No" and a problem report with JavaScript off: thank-you on the page, then on /staff/feedback/ and in the export', async ({ browser, baseURL }) => {
  expect(dataDir).not.toBe('');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(guide);
  const feedback = page.getByRole('region', { name: 'Is this page useful?' });
  await expect(feedback.getByText('Thank you for your feedback.')).toBeHidden();

  await feedback.getByRole('button', { name: 'No this page is not useful' }).click();
  await expect(page).toHaveURL(`${baseURL}${guide}#feedback-thanks`);
  await expect(page.getByText('Thank you for your feedback.')).toBeVisible();
  await expect(page.getByText('Thank you for your feedback.')).toBeInViewport();
  // The question is answered, so it is not asked again.
  await expect(page.getByRole('button', { name: 'No this page is not useful' })).toBeHidden();

  await page.locator('summary', { hasText: 'Report a problem with this page' }).click();
  const box = page.getByLabel('What is wrong with this page?');
  await expect(box).toHaveAccessibleDescription(/Do not write your name, email address or phone number/);
  await box.fill('The MOPAC email link does not open. Reply to sam.taylor@example.com or 07700 900123.');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page).toHaveURL(`${baseURL}${guide}#feedback-reported`);
  await expect(page.getByText('Thank you for telling us about a problem.')).toBeVisible();
  expect(await context.cookies(), 'feedback sets no cookie').toEqual([]);
  await context.close();

  const mine = exported().filter((r) => r.page === guide);
  expect(mine.map((r) => r.kind)).toEqual(['no', 'problem']);
  expect(mine[1]!.problem).toBe('The MOPAC email link does not open. Reply to [email address removed] or [phone number removed].');

  // Staff see the page among the "No" answers and the report, newest first, and can download it.
  const add = cli('staff', ['add', 'feedback-reader'], { STAFF_PASSWORD: password });
  if (add.status !== 0) expect(cli('staff', ['reset', 'feedback-reader'], { STAFF_PASSWORD: password }).status).toBe(0);
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await staffPage.goto('/staff/feedback/');
  await expect(staffPage).toHaveURL(/\/staff\/sign-in\/$/);
  await staffPage.getByLabel('Username').fill('feedback-reader');
  await staffPage.getByLabel('Password', { exact: true }).fill(password);
  await staffPage.getByRole('button', { name: 'Sign in' }).click();
  await staffPage.goto('/staff/feedback/');
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText('Page feedback');
  const row = staffPage.getByRole('row').filter({ hasText: guide });
  await expect(row.getByRole('cell')).toHaveText([guide, '1', '0', '1']);
  await expect(staffPage.getByRole('listitem').filter({ hasText: 'The MOPAC email link does not open.' })).toContainText('[email address removed]');
  expect(await axeViolations(staffPage, '/staff/feedback/')).toEqual([]);
  expect(await htmlProblems('/staff/feedback/', await staffPage.content())).toEqual([]);
  const [download] = await Promise.all([staffPage.waitForEvent('download'), staffPage.getByRole('link', { name: /Download all feedback/ }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain(`${guide},No,`);
  expect(csv).toContain('The MOPAC email link does not open.');
  await staff.close();
});

async function post(request: APIRequestContext, baseURL: string, body: string, headers: Record<string, string> = {}) {
  return request.post('/feedback/', {
    data: body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL, ...headers },
    maxRedirects: 0,
  });
}

test('a post from another site is refused with a readable page, and nothing is stored', async ({ request, baseURL }) => {
  const before = exported().length;
  const response = await post(request, baseURL!, 'page=%2Fprivacy%2F&useful=no&website=', { Origin: 'https://evil.example' });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('<h1>Your form could not be sent</h1>');
  expect(response.headers()['set-cookie']).toBeUndefined();
  expect(exported().length).toBe(before);
});

test('over 100 malformed posts each get a readable 4xx page, and none is stored', async ({ request, baseURL }) => {
  const before = exported().length;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const bodies: { body: string; type?: string; status: number }[] = [];
  const badPages = ['', 'privacy', '/privacy', 'https://evil.example/', '//evil.example/', '/../', '/PRIVACY/', '/privacy/?x=1', '/privacy/#x', `/${'a'.repeat(250)}/`];
  for (const page of badPages) for (const useful of ['yes', 'no']) bodies.push({ body: form({ page, useful, website: '' }), status: 400 });
  for (const useful of ['', 'maybe', 'YES', 'true', '1', 'no ', ' yes', 'yes,no', 'null', 'undefined']) bodies.push({ body: form({ page: '/privacy/', useful }), status: 400 });
  for (const website of ['x', 'http://spam.example', ' ', '0']) bodies.push({ body: form({ page: '/privacy/', useful: 'yes', website }), status: 400 });
  for (const problem of ['', '   ', '\n\n', '\u0007']) bodies.push({ body: form({ page: '/privacy/', problem, website: '' }), status: 400 });
  for (let n = 0; n < 10; n++) bodies.push({ body: form({ page: '/privacy/', problem: 'x'.repeat(1001 + n * 300) }), status: 400 });
  for (let n = 0; n < 10; n++) bodies.push({ body: form({ page: '/privacy/', useful: 'no', problem: `both ${n}` }), status: 400 });
  for (let n = 0; n < 10; n++) bodies.push({ body: form({ page: '/privacy/', problem: 'y'.repeat(11_000 + n) }), status: 413 });
  for (let n = 0; n < 10; n++) bodies.push({ body: JSON.stringify({ page: '/privacy/', useful: 'no', n }), type: 'application/json', status: 415 });
  for (let n = 0; n < 10; n++) bodies.push({ body: `page=/privacy/&useful=no&n=${n}`, type: 'text/plain', status: 415 });
  for (let n = 0; n < 10; n++) bodies.push({ body: `--b\r\nContent-Disposition: form-data; name="useful"\r\n\r\nno\r\n--b--`, type: 'multipart/form-data; boundary=b', status: 415 });
  for (let n = 0; n < 10; n++) bodies.push({ body: `%%%${'&'.repeat(n)}=&page`, status: 400 });
  expect(bodies.length).toBeGreaterThanOrEqual(100);

  for (const { body, type, status } of bodies) {
    const response = await post(request, baseURL!, body, type ? { 'Content-Type': type } : {});
    expect(response.status(), body.slice(0, 80)).toBe(status);
    const html = await response.text();
    expect(html, 'a readable page with a heading').toMatch(/<h1>[^<]+<\/h1>/);
    expect(html).toContain('Nothing was saved');
  }
  expect(await htmlProblems('/feedback/ refusal', await (await post(request, baseURL!, 'page=x&useful=yes')).text())).toEqual([]);
  expect(exported().length).toBe(before);
});
