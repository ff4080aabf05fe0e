import { test, expect } from '@playwright/test';
import { builtPagePaths, builtHtml, isContentPage } from '../support/built-pages.ts';

const contentPages = builtPagePaths().filter(isContentPage);

test('no page asks another website for anything, and none sets a cookie', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) foreign.push(`${request.url()} from ${page.url()}`);
  });
  for (const path of builtPagePaths()) {
    await page.goto(path, { waitUntil: 'load' });
  }
  expect(foreign).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('content pages ship no JavaScript at all', async () => {
  expect(contentPages.length).toBeGreaterThan(5);
  for (const path of contentPages) {
    const html = builtHtml(path);
    expect(html, path).not.toMatch(/<script\b/i);
    expect(html, path).not.toMatch(/\son[a-z]+\s*=/i);
  }
});

test('content pages make no JavaScript requests when loaded in a browser', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  for (const path of contentPages) await page.goto(path);
  expect(scripts).toEqual([]);
});

test('every page has one h1, one main landmark, a skip link and a unique title', async ({ page }) => {
  // One visit per built page (about 200 now), so it needs longer than a single-page test.
  test.setTimeout(240_000);
  const titles = new Map<string, string>();
  for (const path of builtPagePaths()) {
    await page.goto(path);
    await expect(page.locator('h1'), path).toHaveCount(1);
    await expect(page.locator('main'), path).toHaveCount(1);
    await expect(page.locator('a.skip-link[href="#main-content"]'), path).toHaveCount(1);
    expect(await page.locator('html').getAttribute('lang'), path).toBe('en-GB');
    const title = await page.title();
    expect(titles.get(title), `${path} has the same title as ${titles.get(title)}`).toBeUndefined();
    titles.set(title, path);
    expect(title, path).toMatch(/(^| - )Police complaints in London$/);
  }
});
