import { test, expect } from '@playwright/test';
import { axeViolations } from '../support/axe.ts';
import { searchQueries } from '../support/search-queries.ts';

// Every realistic search, typed into the search box of one page as a person would, each with the page it must find in the top three.
test('each realistic search finds its page in the top three, in the browser', async ({ page }) => {
  await page.goto('/search/');
  const box = page.getByLabel('Search this site');
  const misses: string[] = [];
  for (const [query, expected] of searchQueries) {
    await box.fill(query);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('status')).toContainText(/result/);
    await expect(page.getByRole('status')).toContainText(`‘${query}’`);
    const top = await page.locator('#search-results li h2 a').evaluateAll((links) => links.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    if (!top.includes(expected)) misses.push(`"${query}" -> ${expected}, got ${top.join(', ')}`);
  }
  expect(misses).toEqual([]);
});

test('a search keeps the words in the box and the address, and Back returns to the last search', async ({ page }) => {
  await page.goto('/search/');
  const box = page.getByLabel('Search this site');
  await box.fill('review');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\?q=review$/);
  await expect(page.getByRole('status')).toHaveText(/^\d+ results? for ‘review’\.$/);
  await box.fill('Commissioner');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status')).toHaveText(/for ‘Commissioner’/);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=review$/);
  await expect(box).toHaveValue('review');
  await expect(page.getByRole('status')).toHaveText(/for ‘review’/);
});

test('results are links a keyboard user reaches with Tab, and each shows its topic and a sentence with the words', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('how long do I have to ask for a review'));
  const first = page.locator('#search-results li').first();
  // A best bet comes first, marked as the recommended page.
  await expect(first.getByRole('link')).toHaveAttribute('href', '/guides/right-of-review/');
  await expect(first.locator('.meta')).toHaveText('Recommended page · Complaints about the Metropolitan Police');
  // The excerpt is a short passage of the page's own text (Pagefind's, 24 words), marked "…" where it is cut.
  const excerpts = await page.locator('#search-results li > p:not(.meta)').allTextContents();
  expect(excerpts.length).toBeGreaterThan(2);
  for (const text of excerpts) {
    expect(text.trim().split(/\s+/).length).toBeLessThanOrEqual(40);
    expect(text).not.toMatch(/[a-z][.!?][A-Z]/);
    expect(text.trim()).toMatch(/^(… )?[“‘"(]?[\p{L}0-9£].*([.!?:”)]| …|…)$/su);
  }
  await expect(first.locator('mark').first()).toBeVisible();
  await expect(page.locator('#search-results li .meta', { hasText: 'Complaints about the Metropolitan Police' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Search' }).focus();
  await page.keyboard.press('Tab');
  await expect(first.getByRole('link')).toBeFocused();
});

test('while search works it says "Searching…" and hides the A to Z list, which looks like results', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pagefind/pagefind.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/search/?q=appeal');
  await expect(page.getByRole('status')).toHaveText('Searching…');
  await expect(page.getByRole('heading', { name: 'All pages A to Z' })).toBeHidden();
  await expect(page.locator('#search-results')).toBeHidden();
  release();
  await expect(page.getByRole('status')).toHaveText(/^\d+ results? for ‘appeal’\.$/);
  await expect(page.locator('#search-results li').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'All pages A to Z' })).toBeHidden();
});

test('Pagefind loads when the search box gets focus, not before, and preloads the words as they are typed', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/pagefind/')) fetched.push(new URL(r.url()).pathname);
  });
  await page.goto('/search/');
  await expect(page.locator('body.js-enabled')).toBeAttached();
  expect(fetched).toEqual([]);
  const loaded = page.waitForRequest((r) => new URL(r.url()).pathname === '/pagefind/pagefind.js');
  await page.getByLabel('Search this site').focus();
  await loaded;
  // Typing fetches the index for the words before the search is sent; no result text yet.
  const chunk = page.waitForRequest((r) => /\/pagefind\/index\/.*\.pf_index$/.test(new URL(r.url()).pathname));
  await page.getByLabel('Search this site').pressSequentially('review');
  await chunk;
  expect(fetched.filter((path) => path.includes('/fragment/'))).toEqual([]);
});

test('the topic filter narrows results to one section', async ({ page }) => {
  await page.goto('/search/?q=complaint&section=' + encodeURIComponent('The Commissioner, the Mayor and MOPAC'));
  await expect(page.getByRole('status')).toContainText('in The Commissioner, the Mayor and MOPAC');
  await expect(page.locator('#search-results li').first()).toBeVisible();
  const metas = await page.locator('#search-results li .meta').allTextContents();
  expect(metas.length).toBeGreaterThan(0);
  for (const meta of metas) expect(meta).toContain('The Commissioner, the Mayor and MOPAC');
});

test('archived pages come after current ones and are marked', async ({ page }) => {
  // The archived 2009 briefing mentions the Metropolitan Police Authority, as do current guides.
  await page.goto('/search/?q=' + encodeURIComponent('Metropolitan Police Authority'));
  await expect(page.getByRole('status')).toContainText('results');
  const metas = await page.locator('#search-results li .meta').allTextContents();
  const firstArchived = metas.findIndex((m) => m.includes('Archived'));
  expect(firstArchived).toBeGreaterThan(0);
  expect(metas.slice(firstArchived).every((m) => m.includes('Archived'))).toBe(true);
});

test('an empty search and a search with no results say what to do next', async ({ page }) => {
  await page.goto('/search/?q=');
  await expect(page.getByRole('status')).toHaveText('Enter a word or phrase to search for.');
  await expect(page.getByRole('heading', { name: 'All pages A to Z' })).toBeVisible();
  await page.goto('/search/?q=xyzzyplugh');
  await expect(page.getByRole('status')).toHaveText('No results for ‘xyzzyplugh’. Try the suggestions below.');
  const suggestions = page.locator('#search-none');
  await expect(suggestions.getByRole('link', { name: 'where to complain' })).toHaveAttribute('href', '/where-to-complain/');
  await expect(suggestions.getByText('Check the spelling')).toBeVisible();
  await suggestions.getByRole('link', { name: 'every page, A to Z' }).click();
  await expect(page.getByRole('heading', { name: 'All pages A to Z' })).toBeInViewport();
  // Nothing in one topic: offer the same words in every topic.
  await page.goto('/search/?q=whistleblower&section=' + encodeURIComponent('The Commissioner, the Mayor and MOPAC'));
  await expect(page.getByRole('status')).toHaveText('No results for ‘whistleblower’ in The Commissioner, the Mayor and MOPAC. Try the suggestions below.');
  await page.getByRole('link', { name: 'Search all topics for whistleblower' }).click();
  await expect(page.locator('#search-results li').first().getByRole('link')).toHaveAttribute('href', '/guides/raising-concerns-as-police-staff/');
});

test('when the closest spelling finds nothing in the topic either, it is offered as a link', async ({ page }) => {
  await page.goto('/search/?q=whistleblowr&section=' + encodeURIComponent('The Commissioner, the Mayor and MOPAC'));
  await expect(page.getByRole('status')).toContainText('No results for ‘whistleblowr’');
  await expect(page.getByRole('link', { name: 'whistleblower', exact: true })).toHaveAttribute('href', '/search/?q=whistleblower');
  // Made from a template only when needed: never an empty link in the page.
  await page.goto('/search/?q=xyzzyplugh');
  await expect(page.getByRole('status')).toContainText('No results');
  expect(await page.locator('#search-none a:not(:has-text(" "))').evaluateAll((links) => links.filter((a) => !a.textContent?.trim()).length)).toBe(0);
});

test.describe('HTML_CodeSniffer finds no errors on the search page', () => {
  // HTML_CodeSniffer is added as an inline script, which the page's own policy rightly refuses.
  test.use({ bypassCSP: true });
  for (const [name, path] of [
    ['with results', '/search/?q=review'],
    ['with no results', '/search/?q=xyzzyplugh'],
    ['before a search', '/search/'],
  ] as const) {
    test(name, async ({ page }) => {
      await page.goto(path);
      if (path.includes('q=')) await expect(page.getByRole('status')).not.toHaveText(/^(Searching…)?$/);
      await page.addScriptTag({ path: 'node_modules/html_codesniffer/build/HTMLCS.js' });
      const errors = await page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const htmlcs = (window as unknown as { HTMLCS: { process(s: string, d: Document, cb: () => void): void; getMessages(): { type: number; code: string; msg: string; element: Element }[] } }).HTMLCS;
            htmlcs.process('WCAG2AA', document, () =>
              resolve(htmlcs.getMessages().filter((m) => m.type === 1).map((m) => `${m.code}: ${m.msg} (${m.element.outerHTML.slice(0, 120)})`)),
            );
          }),
      );
      expect(errors).toEqual([]);
    });
  }
});

test('a misspelt word is corrected and the correction is said plainly', async ({ page }) => {
  await page.goto('/search/?q=reveiw');
  await expect(page.getByRole('status')).toHaveText(/^No results for ‘reveiw’\. Showing \d+ results? for ‘review’ instead\.$/);
});

test('the search page works at 320 px with no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/search/?q=review');
  await expect(page.locator('#search-results li').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('search loads nothing from other websites', async ({ page, baseURL }) => {
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto('/search/?q=review');
  await expect(page.locator('#search-results li').first()).toBeVisible();
  expect([...origins]).toEqual([new URL(baseURL!).origin]);
});

test.describe('axe finds no problems on the search page', () => {
  for (const [name, path] of [
    ['with results', '/search/?q=review'],
    ['with no results', '/search/?q=xyzzyplugh'],
  ] as const) {
    test(name, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('status')).not.toBeEmpty();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeViolations(page, colorScheme)).toEqual([]);
      }
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and lists every page A to Z', async ({ page }) => {
    await page.goto('/search/?q=review');
    await expect(page.getByText('Search results need JavaScript')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'All pages A to Z' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Your right of review' })).toBeVisible();
  });
});

test.describe('when the search script cannot run', () => {
  // axe itself needs JavaScript, so the page's own scripts are blocked instead: the result is what a no-JavaScript visitor sees.
  test('the A to Z fallback has no axe violations', async ({ page }) => {
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto('/search/?q=review');
    await expect(page.getByText('Search results need JavaScript')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('if the search index fails to load, the page says so and lists every page', async ({ page }) => {
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto('/search/?q=review');
    await expect(page.getByRole('status')).toHaveText('Search is not working at the moment. Every page is listed below.');
    await expect(page.getByRole('heading', { name: 'All pages A to Z' })).toBeVisible();
  });
});

test('a search is announced twice in the polite status region: "Searching…", then the count only', async ({ page }) => {
  await page.goto('/search/');
  const status = page.getByRole('status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  // Count every change a screen reader would hear from the live region.
  await page.evaluate(() => {
    const region = document.getElementById('search-status')!;
    (window as unknown as { announcements: string[] }).announcements = [];
    new MutationObserver(() => {
      const text = region.textContent?.trim();
      if (text) (window as unknown as { announcements: string[] }).announcements.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
  await page.getByLabel('Search this site').fill('review');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('#search-results li').first()).toBeVisible();
  const announced = () => page.evaluate(() => (window as unknown as { announcements: string[] }).announcements);
  // Wait for the count to be announced, however long a busy machine takes, then check nothing else was.
  await expect.poll(async () => (await announced()).at(-1) ?? '').toMatch(/results for/);
  const announcements = await announced();
  expect(announcements).toHaveLength(2);
  expect(announcements[0]).toBe('Searching…');
  expect(announcements[1]).toMatch(/^\d+ results for ‘review’\.$/);
  // The results list is not itself a live region, so it is never read out as a whole.
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-live', /.*/);
  expect(await page.locator('#search-results [aria-live]').count()).toBe(0);
});
