import { test, expect, type Page } from '@playwright/test';
import { axeViolations } from '../support/axe.ts';

// Realistic queries and the page that must be in the top three results.
const queries: [query: string, expected: string][] = [
  ['appeal', '/guides/right-of-review/'],
  ['review', '/guides/right-of-review/'],
  ['Commissioner', '/guides/complaints-about-the-commissioner/'],
  ['28 days', '/guides/keeping-you-informed/'],
  ['whistleblowing', '/guides/raising-concerns-as-police-staff/'],
  ['speak up', '/guides/raising-concerns-as-police-staff/'],
  ['police officer', '/guides/complain-about-the-met/'],
  ['Met', '/guides/complain-about-the-met/'],
  ['police watchdog', '/guides/complain-about-the-met/'],
  ['IOPC', '/guides/complain-about-the-met/'],
  ['Schedule 3', '/guides/how-complaints-are-handled/'],
  ['Mayor', '/guides/complaints-about-the-mayor/'],
  ['deputy mayor', '/guides/complaints-about-the-mayor/'],
  ['MOPAC staff', '/guides/complaints-about-mopac/'],
  ['abusive', '/guides/unreasonable-contact/'],
  ['outcome letter', '/guides/right-of-review/'],
  ['survey', '/guides/complainant-survey/'],
  ['reveiw', '/guides/right-of-review/'],
  ['comissioner', '/guides/complaints-about-the-commissioner/'],
  ['Reward and Resolution', '/guides/reward-and-resolution-2009/'],
];

async function topResults(page: Page, query: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.getByRole('status')).toContainText(/result/);
  return page.locator('#search-results li h2 a').evaluateAll((links) => links.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test.describe('search finds the right page', () => {
  for (const [query, expected] of queries) {
    test(`"${query}" has ${expected} in the top three`, async ({ page }) => {
      expect(await topResults(page, query)).toContain(expected);
    });
  }
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

test('results are links a keyboard user reaches with Tab, and each shows its topic and an excerpt', async ({ page }) => {
  await page.goto('/search/?q=review');
  const first = page.locator('#search-results li').first();
  await expect(first.locator('mark').first()).toBeVisible();
  // Guides show their topic; tools and other pages outside a topic have none.
  await expect(page.locator('#search-results li .meta', { hasText: 'Complaints about the Metropolitan Police' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Search' }).focus();
  await page.keyboard.press('Tab');
  await expect(first.getByRole('link')).toBeFocused();
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
  await expect(page.getByRole('status')).toHaveText(/^No results for ‘xyzzyplugh’\. Check the spelling/);
  await expect(page.getByRole('heading', { name: 'All pages A to Z' })).toBeVisible();
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

test('after a search, the polite status region changes once, to the count only', async ({ page }) => {
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
  await page.waitForTimeout(300);
  const announcements = await page.evaluate(() => (window as unknown as { announcements: string[] }).announcements);
  expect(announcements).toHaveLength(1);
  expect(announcements[0]).toMatch(/^\d+ results for ‘review’\.$/);
  // The results list is not itself a live region, so it is never read out as a whole.
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-live', /.*/);
  expect(await page.locator('#search-results [aria-live]').count()).toBe(0);
});
