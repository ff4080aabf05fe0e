/**
 * Issue 23, lows 8 and 11, against the built server (run `npm run build` first): feedback is
 * tallied only for the built pages that show the form, and a report of 1,000 Bengali
 * characters (the box's limit, 9 bytes each once URL-encoded) is taken, not refused as too
 * large.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { builtHtml, builtPagePaths } from '../support/built-pages.ts';
import { startServer, type RunningServer } from '../support/request-server.ts';

const built = existsSync('dist/server/entry.mjs');

describe.skipIf(!built)('the feedback route', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ FEEDBACK_RATE_LIMIT: '1000000' });
  });
  afterAll(() => server?.stop());

  const send = async (fields: Record<string, string>) => {
    const response = await fetch(`${server.url}/feedback/`, {
      method: 'POST',
      body: new URLSearchParams({ website: '', ...fields }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      redirect: 'manual',
    });
    await response.arrayBuffer();
    return response.status;
  };

  it('takes a report of 1,000 Bengali characters', async () => {
    const bengali = 'আমি পাতাটি বুঝতে পারিনি '.repeat(50).slice(0, 1000);
    expect([...bengali]).toHaveLength(1000);
    expect(await send({ page: '/privacy/', problem: bengali })).toBe(303);
    expect(await send({ page: '/privacy/', problem: `${bengali}আ` })).toBe(400);
  });

  it('refuses pages that are not built content pages with the form', async () => {
    for (const page of ['/made-up/page/', '/staff/', '/feedback/', '/accessible-formats/request/', '/search/']) {
      expect(await send({ page, useful: 'yes' }), page).toBe(400);
    }
  });

  it('accepts every built page that shows the form', async () => {
    const withForm = builtPagePaths().filter((path) => path.endsWith('/') && builtHtml(path).includes('action="/feedback/"'));
    expect(withForm.length).toBeGreaterThan(10);
    for (const page of withForm.slice(0, 200)) expect(await send({ page, useful: 'no' }), page).toBe(303);
  });
});
