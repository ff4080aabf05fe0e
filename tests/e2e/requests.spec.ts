import { test, expect, type Page } from '@playwright/test';
import { axeViolations } from '../support/axe.ts';
import { join } from 'node:path';
import bankHolidays from '../../src/content/data/bank-holidays.json' with { type: 'json' };
import { formatLongDate, replyByDate } from '../../src/lib/dates/index.ts';
import { confirmedReference, postRequest, startServer, validBody, type RunningServer } from '../support/request-server.ts';
import { htmlProblems } from '../support/html-validate.ts';
import { freePort } from '../support/free-port.ts';
import { storedReferences as storedIn } from '../support/sqlite.ts';
import { textFields, type TextField } from '../../src/lib/requests/fields.ts';
import { openSocket, rawRequest } from '../support/raw-http.ts';

const storeFile = () => join(process.env.E2E_DATA_DIR!, 'requests.sqlite');

const storedReferences = (file = storeFile()) => storedIn(file);

async function fillValidRequest(page: Page) {
  await page.getByLabel('Which document or page do you need?').fill('Survey of MPS complainants 2020/21');
  await page.getByRole('radio', { name: 'Large print' }).check();
  await page.getByLabel('Your name').fill('Test Person');
  await page.getByRole('radio', { name: /^Email/ }).check();
  await page.getByLabel('Email address').fill('test.person@example.com');
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the request form with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a valid request gives a reference number and the right reply-by date, and is stored', async ({ page }) => {
      await page.goto('/accessible-formats/request/');
      await fillValidRequest(page);
      await page.getByRole('button', { name: 'Send request' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request received');
      const reference = (await page.locator('.reference').textContent())!.trim();
      expect(reference).toMatch(/^AF-\d{4}-[2-9A-HJKMNP-Z]{8}$/);
      const expected = formatLongDate(replyByDate(new Date(), bankHolidays));
      await expect(page.getByText(`We will reply by ${expected}.`, { exact: false })).toBeVisible();
      expect(storedReferences()).toContain(reference);
    });

    test('an empty form shows an error summary that takes focus, links to each field, and keeps nothing', async ({ page }) => {
      await page.goto('/accessible-formats/request/');
      await page.getByRole('button', { name: 'Send request' }).click();
      await expect(page).toHaveTitle(/^Error: /);
      const summary = page.locator('[data-error-summary]');
      await expect(summary).toBeFocused();
      for (const [message, field] of [
        ['Enter the name of the document you need', 'documentTitle'],
        ['Select the format you need', 'format'],
        ['Enter your name', 'name'],
        ['Select how you would like us to reply', 'replyBy'],
      ] as const) {
        await expect(summary.getByRole('link', { name: message })).toHaveAttribute('href', `#${field}`);
        await expect(page.locator(`#${field}-error`)).toContainText(message);
      }
    });

    test('values are kept after an error, and each field error names the field', async ({ page }) => {
      await page.goto('/accessible-formats/request/');
      await fillValidRequest(page);
      await page.getByLabel('Email address').fill('not-an-email');
      await page.getByLabel('Anything else we should know? (optional)').fill('Please use 24 point text <b>bold</b>');
      await page.getByRole('button', { name: 'Send request' }).click();
      await expect(page.locator('[data-error-summary]')).toContainText('Enter an email address in the correct format');
      await expect(page.getByLabel('Which document or page do you need?')).toHaveValue('Survey of MPS complainants 2020/21');
      await expect(page.getByRole('radio', { name: 'Large print' })).toBeChecked();
      await expect(page.getByLabel('Your name')).toHaveValue('Test Person');
      await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
      // Typed markup comes back as text, never as HTML.
      await expect(page.getByLabel('Anything else we should know? (optional)')).toHaveValue('Please use 24 point text <b>bold</b>');
      expect(await page.locator('main b').count()).toBe(0);
    });

    test('other conditional fields are checked: another format, a postcode', async ({ page }) => {
      await page.goto('/accessible-formats/request/');
      await fillValidRequest(page);
      await page.getByRole('radio', { name: /Another format/ }).check();
      await page.getByLabel('Tell us the format you need').fill('x');
      await page.getByRole('radio', { name: /^Post/ }).check();
      await page.getByLabel('Address', { exact: true }).fill('1 Example Street\nLondon');
      await page.getByLabel('Postcode').fill('NOT A POSTCODE');
      await page.getByRole('button', { name: 'Send request' }).click();
      const summary = page.locator('[data-error-summary]');
      await expect(summary.getByRole('link', { name: /format/i })).toHaveAttribute('href', '#formatOther');
      await expect(summary.getByRole('link', { name: /postcode/i })).toHaveAttribute('href', '#postcode');
      // Both boxes with errors are still shown, under the answers they belong to.
      await expect(page.getByLabel('Tell us the format you need')).toBeVisible();
      await expect(page.getByLabel('Postcode')).toBeVisible();
    });

    test('only the boxes for the chosen answer show, and what was typed in the others is ignored', async ({ page }) => {
      await page.goto('/accessible-formats/request/');
      const boxes = {
        email: page.getByLabel('Email address'),
        phone: page.getByLabel('Telephone number'),
        address: page.getByLabel('Address', { exact: true }),
        postcode: page.getByLabel('Postcode'),
        formatOther: page.getByLabel('Tell us the format you need'),
      };
      for (const box of Object.values(boxes)) await expect(box).toBeHidden();
      const shown = async (...visible: (keyof typeof boxes)[]) => {
        for (const [name, box] of Object.entries(boxes)) {
          if (visible.includes(name as keyof typeof boxes)) await expect(box, name).toBeVisible();
          else await expect(box, name).toBeHidden();
        }
      };
      await page.getByRole('radio', { name: 'Phone', exact: true }).check();
      await shown('phone');
      await boxes.phone.fill('not a phone number');
      await page.getByRole('radio', { name: 'Post', exact: true }).check();
      await shown('address', 'postcode');
      await boxes.postcode.fill('NOT A POSTCODE');
      await page.getByRole('radio', { name: 'Another format', exact: true }).check();
      await shown('address', 'postcode', 'formatOther');
      await boxes.formatOther.fill('Large print on yellow paper');
      await page.getByRole('radio', { name: 'Large print', exact: true }).check();
      await shown('address', 'postcode');

      // Now a valid request by email: the hidden phone, postcode and format boxes still hold
      // what was typed, and none of it stops the request or is kept.
      await page.getByLabel('Which document or page do you need?').fill('Survey of MPS complainants 2020/21');
      await page.getByLabel('Your name').fill('Test Person');
      await page.getByRole('radio', { name: 'Email', exact: true }).check();
      await shown('email');
      await boxes.email.fill('test.person@example.com');
      await page.getByRole('button', { name: 'Send request' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request received');
    });
  });
}

test('every box lets a person type exactly as much as the server keeps, and no more', async ({ page }) => {
  await page.goto('/accessible-formats/request/');
  await page.getByRole('radio', { name: 'Another format', exact: true }).check();
  const typed = Object.entries(textFields).filter(([, field]) => field.input !== 'hidden' && field.max !== undefined) as [TextField, (typeof textFields)[TextField]][];
  expect(typed.map(([name]) => name).sort()).toEqual(['address', 'anythingElse', 'assistiveTechnology', 'documentTitle', 'email', 'formatOther', 'name', 'phone', 'postcode'].sort());
  for (const [name, field] of typed) {
    const max = field.max!;
    if (name === 'email') await page.getByRole('radio', { name: 'Email', exact: true }).check();
    if (name === 'phone') await page.getByRole('radio', { name: 'Phone', exact: true }).check();
    if (name === 'address') await page.getByRole('radio', { name: 'Post', exact: true }).check();
    const box = page.locator(`#${name}`);
    await expect(box, name).toHaveAttribute('maxlength', String(max));
    // The browser stops at maxlength...
    await box.fill('x'.repeat(max + 5));
    expect((await box.inputValue()).length, name).toBe(max);
    // ...and the server accepts that many characters and refuses one more.
    const replyBy = name === 'phone' ? 'phone' : name === 'address' || name === 'postcode' ? 'post' : 'email';
    const lengthError = new RegExp(`must be ${max.toLocaleString('en-GB')} characters or fewer`);
    const send = async (value: string) => {
      const response = await page.request.post('/accessible-formats/request/submit/', {
        form: { documentTitle: 'A guide', format: 'other', formatOther: 'Audio CD', name: 'Test Person', replyBy, email: 'a@example.com', phone: '020 7946 0000', address: '1 Example Street, London', postcode: 'SE1 0LL', website: '', [name]: value },
        headers: { Origin: new URL(page.url()).origin },
        maxRedirects: 0,
      });
      return response.text();
    };
    expect(await send('x'.repeat(max)), name).not.toMatch(lengthError);
    expect(await send('x'.repeat(max + 1)), name).toMatch(lengthError);
  }
});

test('an error summary link moves focus to its field', async ({ page }) => {
  await page.goto('/accessible-formats/request/');
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.locator('[data-error-summary]').getByRole('link', { name: 'Enter your name' }).click();
  await expect(page.getByLabel('Your name')).toBeFocused();
});

test('a document on a guide links to the form already filled in for it', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/guides/complainant-survey/');
  const documents = page.getByRole('region', { name: 'Documents' });
  await documents.getByRole('link', { name: 'Request an accessible format of Survey of MPS complainants 2020/21' }).click();
  await expect(page.getByLabel('Which document or page do you need?')).toHaveValue('Survey of MPS complainants 2020/21');
  await expect(page.locator('input[type="hidden"][name="documentId"]')).toHaveValue('complainant-survey-2020-21');
  await context.close();
});

test.describe('axe finds no problems', () => {
  test('on the empty form, the form with errors and the confirmation', async ({ page }) => {
    const check = async (state: string) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeViolations(page, `${state} (${colorScheme})`)).toEqual([]);
      }
    };
    await page.goto('/accessible-formats/request/');
    await check('empty');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.locator('[data-error-summary]')).toBeVisible();
    await check('errors');
    await page.getByRole('radio', { name: 'Another format', exact: true }).check();
    await page.getByRole('radio', { name: 'Post', exact: true }).check();
    await check('boxes revealed under the answers');
    await fillValidRequest(page);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request received');
    await check('confirmation');
  });

  test('on the page shown when a post seems to come from another website', async ({ page, baseURL }) => {
    // A form on a page that is not ours, posting to our form's address, as a forged one would.
    await page.setContent(
      `<form method="post" action="${baseURL}/accessible-formats/request/submit/">
        <input name="documentTitle" value="A guide"><input name="format" value="audio"><button>Send</button></form>`,
    );
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your form could not be sent');
    await expect(page.getByRole('link', { name: 'Go to the accessible format request form' })).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page, `cross-site refusal (${colorScheme})`)).toEqual([]);
    }
  });
});

test.describe('what the server refuses', () => {
  // A server and store of their own: other tests send valid requests to the shared one at the
  // same time, so "nothing was stored" can only be checked on a store nobody else writes to.
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer({ REQUEST_RATE_LIMIT: '1000000' });
  });
  test.afterAll(async () => {
    await server.stop();
  });
  const stored = () => storedReferences(join(server.dataDir, 'requests.sqlite'));
  const post = async (_page: Page, body: string, headers: Record<string, string> = {}) => {
    const response = await postRequest(server.url, body, headers);
    const text = await response.text();
    return { status: () => response.status, text: async () => text, headers: () => Object.fromEntries(response.headers) };
  };

  test('a body over 16 KB gets a readable 413 page', async ({ page }) => {
    const response = await post(page, validBody({ anythingElse: 'x'.repeat(20_000) }));
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain('Your request was too long');
  });

  test('a post from another website is refused with a readable page, and nothing is stored', async ({ page }) => {
    const before = stored().length;
    const response = await post(page, validBody(), { Origin: 'http://evil.example' });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('Your form could not be sent');
    // Built without SITE_URL, the server trusts only the address it is visited at, not the
    // localhost one its links are written for.
    expect((await post(page, validBody(), { Origin: 'http://localhost:4321' })).status()).toBe(403);
    expect(stored().length).toBe(before);
  });

  test('a browser that leaves out the Origin header is judged by its Referer', async ({ baseURL }) => {
    const send = (headers: Record<string, string>) =>
      fetch(`${baseURL}/accessible-formats/request/submit/`, {
        method: 'POST',
        body: validBody(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        redirect: 'manual',
      });
    expect((await send({ Referer: `${baseURL}/accessible-formats/request/` })).status).toBe(303);
    expect((await send({ Referer: 'http://evil.example/form' })).status).toBe(403);
    expect((await send({})).status).toBe(403);
  });

  test('a filled-in honeypot is refused and nothing is stored', async ({ page }) => {
    const before = stored().length;
    const response = await post(page, validBody({ website: 'http://spam.example' }));
    expect(response.status()).toBe(400);
    expect(stored().length).toBe(before);
  });

  test('a valid post is answered with 303 to the confirmation page', async ({ page }) => {
    const response = await post(page, validBody());
    expect(response.status()).toBe(303);
    expect(response.headers()['location']).toMatch(/^\/accessible-formats\/request\/confirmation\/\?ref=AF-\d{4}-/);
  });

  test('a confirmation page for an unknown reference says so and shows nobody else’s request', async ({ page }) => {
    const response = await page.goto('/accessible-formats/request/confirmation/?ref=AF-2026-ZZZZZZZZ');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request not found');
  });

  test('200 malformed, oversized, wrong-type, unicode and injection posts each get a readable 4xx and store nothing', async ({ page }) => {
    const before = stored().length;
    const long = (n: number) => 'a'.repeat(n);
    const nasty = ['<script>alert(1)</script>', "' OR 1=1 --", '"; DROP TABLE format_requests; --', '\u0000', '\u202e', '💥'.repeat(300), '%00', '../../etc/passwd', '${7*7}', '{{7*7}}', '\r\nSet-Cookie: x=1', long(5000)];
    const bodies: { body: string; type?: string }[] = [];
    const fields = ['documentTitle', 'format', 'formatOther', 'name', 'replyBy', 'email', 'phone', 'address', 'postcode', 'anythingElse', 'assistiveTechnology', 'documentId'];
    for (const field of fields) for (const value of nasty) bodies.push({ body: validBody({ [field]: value, ...(field === 'format' || field === 'replyBy' ? {} : { format: 'not-a-format' }) }) });
    for (const value of nasty) bodies.push({ body: validBody({ replyBy: 'post', address: value, postcode: value }) });
    bodies.push({ body: '' }, { body: '=&=&&&' }, { body: '%ZZ%%' }, { body: 'format[]=braille&name[x]=1' }, { body: validBody({ website: 'filled' }) });
    bodies.push({ body: JSON.stringify({ name: 'x' }), type: 'application/json' }, { body: '<xml/>', type: 'text/xml' }, { body: validBody(), type: 'text/plain' });
    for (let i = 0; bodies.length < 210; i++) bodies.push({ body: validBody({ email: `bad${i}@`, documentTitle: long(i * 17) }) });
    expect(bodies.length).toBeGreaterThanOrEqual(200);

    for (const { body, type } of bodies) {
      const response = await post(page, body, type ? { 'Content-Type': type } : {});
      expect(response.status(), body.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.status(), body.slice(0, 80)).toBeLessThan(500);
      expect(await response.text(), body.slice(0, 80)).toMatch(/<h1>[^<]+<\/h1>/);
    }
    expect(stored().length).toBe(before);
  });
});

test.describe('a server of its own', () => {
  let server: RunningServer | undefined;
  test.afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  test('too many requests from one address get a friendly 429 page', async () => {
    server = await startServer({ REQUEST_RATE_LIMIT: '3' });
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 5; i++) {
      const response = await postRequest(server.url);
      statuses.push(response.status);
      last = await response.text();
    }
    expect(statuses).toEqual([303, 303, 303, 429, 429]);
    expect(last).toContain('You have sent a lot of requests');
  });

  test('what the server cannot take gets the right 4xx: TRACE 405, 200 KB bodies 413 however sent, and a dropped upload is not a database failure', async () => {
    server = await startServer();
    let log = '';
    for (const stream of [server.process.stdout, server.process.stderr]) stream?.on('data', (chunk: Buffer) => void (log += chunk.toString()));
    for (const path of ['/health/', '/accessible-formats/request/submit/', '/staff/sign-in/', '/']) {
      const response = await rawRequest(server.url, `TRACE ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(response, path).toMatch(/^HTTP\/1\.1 405 /);
      expect(response, path).toMatch(/\r\nAllow: GET, HEAD, POST\r\n/i);
    }
    const big = validBody({ anythingElse: 'x'.repeat(200_000) });
    const chunked = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < big.length; i += 8192) controller.enqueue(new TextEncoder().encode(big.slice(i, i + 8192)));
          controller.close();
        },
      });
    for (const body of [big, chunked()]) {
      const response = await fetch(`${server.url}/accessible-formats/request/submit/`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
        redirect: 'manual',
        ...(typeof body === 'string' ? {} : { duplex: 'half' }),
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.text()).toContain('<h1>Your request was too long</h1>');
    }
    // A client that goes away half-way through its body, with a length and chunked.
    for (const framing of ['Content-Length: 5000', 'Transfer-Encoding: chunked']) {
      await rawRequest(server.url, `POST /accessible-formats/request/submit/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n${framing}\r\n\r\n10\r\ndocumentTitle=AB\r\n`, { hangUpAfterMs: 200 });
    }
    expect((await postRequest(server.url)).status).toBe(303);
    expect(log).not.toMatch(/database|error/i);
  });

  test('one client cannot hold every connection: beyond SERVER_MAX_CONNECTIONS new ones are closed, and the server recovers', async () => {
    server = await startServer({ SERVER_MAX_CONNECTIONS: '5' });
    const { port } = new URL(server.url);
    const idle = await Promise.all(Array.from({ length: 5 }, () => openSocket(Number(port))));
    // A sixth connection is accepted by the system and closed at once, without an answer.
    await expect(rawRequest(server.url, 'GET /health/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).resolves.toBe('');
    for (const socket of idle) socket.destroy();
    await expect.poll(async () => (await fetch(`${server!.url}/health/`).catch(() => undefined))?.status).toBe(200);
  });

  test('300 lookups of made-up references from one address meet a readable 429 page', async () => {
    server = await startServer();
    const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
    const guess = () => `AF-2026-${Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('')}`;
    const statuses: number[] = [];
    let refusal = '';
    for (let i = 0; i < 300; i += 1) {
      const response = await fetch(`${server.url}/accessible-formats/request/confirmation/?ref=${guess()}`);
      statuses.push(response.status);
      const text = await response.text();
      if (response.status === 429) refusal = text;
    }
    expect(statuses[0]).toBe(404);
    expect(statuses.indexOf(429)).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(60);
    expect(refusal).toContain('<h1>Too many requests looked up</h1>');
    expect(refusal).toMatch(/Try again in \d+ minutes?\./);
    expect(await htmlProblems('429 lookup', refusal)).toEqual([]);
  });

  test('behind a trusted load balancer, each visitor has their own limit, and a forged address does not help', async () => {
    server = await startServer({ REQUEST_RATE_LIMIT: '2', TRUSTED_PROXY_HOPS: '1' });
    const post = async (forwardedFor: string) => (await postRequest(server!.url, validBody(), { 'X-Forwarded-For': forwardedFor })).status;
    // Visitor A uses up their 2; a made-up address in front of theirs changes nothing.
    expect([await post('203.0.113.1'), await post('203.0.113.1'), await post('1.1.1.1, 203.0.113.1')]).toEqual([303, 303, 429]);
    // Visitor B, through the same load balancer, is not held up by A.
    expect(await post('203.0.113.2')).toBe(303);
  });

  test('behind a load balancer that ends HTTPS, posts from the https page are accepted once its proxy is trusted', async () => {
    // What the load balancer passes on: the browser's https origin, the original Host, and the protocol.
    const send = (target: RunningServer) =>
      postRequest(target.url, validBody(), { Origin: `https://${new URL(target.url).host}`, 'X-Forwarded-Proto': 'https' });
    server = await startServer({ TRUSTED_PROXY_HOPS: '1' });
    expect((await send(server)).status).toBe(303);
    // Once the load balancer says https, only the https origin passes.
    for (const origin of [server.url, 'http://localhost']) {
      expect((await postRequest(server.url, validBody(), { Origin: origin, 'X-Forwarded-Proto': 'https' })).status, origin).toBe(403);
    }
    await server.stop();
    // Without TRUSTED_PROXY_HOPS the header could have been written by anyone, so it counts for nothing.
    server = await startServer();
    expect((await send(server)).status).toBe(403);
  });

  test('the health check says 200 when the database answers, and 503 (with a readable form reply) when it does not', async ({ page }) => {
    server = await startServer();
    const healthy = await fetch(`${server.url}/health/`);
    expect(healthy.status).toBe(200);
    expect(healthy.headers.get('cache-control')).toBe('no-store');
    await server.stop();

    // A database nobody is listening on, as when PostgreSQL is down.
    server = await startServer({ DATABASE_URL: `postgres://staff:secret@127.0.0.1:${await freePort()}/requests` });
    const unhealthy = await fetch(`${server.url}/health/`);
    expect(unhealthy.status).toBe(503);
    expect(await unhealthy.text()).not.toContain('secret');

    await page.goto(`${server.url}/accessible-formats/request/`);
    await fillValidRequest(page);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/submit/')),
      page.getByRole('button', { name: 'Send request' }).click(),
    ]);
    expect(response.status()).toBe(503);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, we could not keep your request');
    await expect(page.getByText('your request was not saved')).toBeVisible();

    // A staff page that cannot reach the database gets the site's own error page.
    await page.context().addCookies([{ name: 'staff_session', value: 'A'.repeat(43), url: server.url }]);
    const staff = await page.goto(`${server.url}/staff/`);
    expect(staff?.status()).toBe(500);
    // Errors too are kept out of caches and search engines.
    expect(staff?.headers()['cache-control']).toBe('no-store');
    expect(staff?.headers()['x-robots-tag']).toBe('noindex');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, there is a problem with this page');
  });

  test('no confirmed request is lost when the server is killed in the middle of a burst', async () => {
    server = await startServer({ REQUEST_RATE_LIMIT: '1000000' });
    const confirmed: string[] = [];
    const send = async () => {
      for (;;) {
        try {
          const reference = confirmedReference(await postRequest(server!.url), server!.url);
          if (reference) confirmed.push(reference);
        } catch {
          return; // the server has gone
        }
      }
    };
    const senders = Array.from({ length: 16 }, send);
    // Killed once enough requests are confirmed, however busy the machine: the burst is then well under way.
    await expect.poll(() => confirmed.length, { timeout: 30_000, intervals: [20] }).toBeGreaterThan(20);
    server.process.kill('SIGKILL');
    await Promise.all(senders);
    expect(confirmed.length).toBeGreaterThan(20);
    const stored = new Set(storedReferences(join(server.dataDir, 'requests.sqlite')));
    expect(confirmed.filter((ref) => !stored.has(ref))).toEqual([]);
  });
});

test('pages the server renders on demand are valid HTML too', async ({ page }) => {
  const problems: string[] = [];
  const validate = async (name: string, html: string) => void problems.push(...(await htmlProblems(name, html)));
  await page.goto('/accessible-formats/request/');
  await page.getByRole('button', { name: 'Send request' }).click();
  await validate('form with errors', await page.content());
  const tooLong = await page.request.post('/accessible-formats/request/submit/', {
    data: validBody({ anythingElse: 'x'.repeat(20_000) }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(page.url()).origin },
  });
  await validate('413', await tooLong.text());
  const crossSite = await page.request.post('/accessible-formats/request/submit/', {
    data: validBody(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.example' },
  });
  expect(crossSite.status()).toBe(403);
  await validate('403 from another website', await crossSite.text());
  // Asked for on its own, the refusal page has nothing to say and sends people home.
  expect((await page.request.get('/refused/', { maxRedirects: 0 })).headers()['location']).toBe('/');
  await fillValidRequest(page);
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request received');
  await validate('confirmation', await (await page.request.get(page.url())).text());
  expect(problems).toEqual([]);
});
