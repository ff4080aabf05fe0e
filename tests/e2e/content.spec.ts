import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

const guidesDir = new URL('../../src/content/guides/', import.meta.url);
const guides = readdirSync(guidesDir)
  .filter((f) => f.endsWith('.mdx'))
  .map((file) => {
    const source = readFileSync(new URL(file, guidesDir), 'utf8');
    const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(source)?.[1]?.trim().replace(/^['"]|['"]$/g, '');
    return { id: file.replace(/\.mdx$/, ''), title: field('title') ?? '', summary: field('summary') ?? '', archived: field('archived') === 'true' };
  });

test.describe('guides', () => {
  for (const guide of guides) {
    test(`${guide.id} shows its title, summary, review date and sources`, async ({ page }) => {
      await page.goto(`/guides/${guide.id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(guide.title);
      await expect(page.locator('main .lead')).toHaveText(guide.summary);
      await expect(page.getByText(/^Last reviewed: /)).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
      await expect(page.getByRole('note', { name: 'Archived page' })).toHaveCount(guide.archived ? 1 : 0);
      // Glossary links: first use only, so no term is linked twice on one page.
      const glossaryHrefs = await page.locator('main a.glossary-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(new Set(glossaryHrefs).size).toBe(glossaryHrefs.length);
    });
  }

  test('the archive is marked as out of date and listed last in its section', async ({ page }) => {
    await page.goto('/topics/archive/');
    await page.getByRole('link', { name: /Reward and Resolution/ }).click();
    await expect(page.getByRole('note', { name: 'Archived page' })).toContainText('This page is out of date.');
  });

  test('guides link the first use of a glossary term to its definition', async ({ page }) => {
    await page.goto('/guides/right-of-review/');
    const link = page.locator('main a.glossary-link[href="/glossary/#schedule-3"]');
    await expect(link).toHaveCount(1);
    await link.click();
    await expect(page).toHaveURL(/\/glossary\/#schedule-3$/);
    await expect(page.locator('#schedule-3')).toBeInViewport();
  });

  test('a long guide opens with an "On this page" list whose links reach each section, and no paragraph has more than two glossary links', async ({ page }) => {
    await page.goto('/guides/right-of-review/');
    const contents = page.getByRole('navigation', { name: 'On this page' });
    const sections = await page.locator('main .guide-body h2').allTextContents();
    expect(sections.length).toBeGreaterThanOrEqual(3);
    await expect(contents.getByRole('link')).toHaveText(sections);
    await contents.getByRole('link', { name: 'The deadline' }).click();
    await expect(page).toHaveURL(/#the-deadline$/);
    await expect(page.getByRole('heading', { level: 2, name: 'The deadline' })).toBeInViewport();
    const busiest = await page.locator('main p, main li').evaluateAll((blocks) =>
      Math.max(...blocks.map((b) => [...b.querySelectorAll('a.glossary-link')].filter((a) => a.closest('p, li') === b).length)),
    );
    expect(busiest).toBeLessThanOrEqual(2);
  });
});

test.describe("the Mayor's Action Plan tracker", () => {
  test('lists all 23 actions, each with its status', async ({ page }) => {
    await page.goto('/action-plan/');
    await expect(page.locator('.action')).toHaveCount(23);
    await expect(page.getByText('Showing 23 of 23 actions.')).toBeVisible();
    for (let n = 1; n <= 23; n++) await expect(page.getByRole('heading', { name: new RegExp(`^Action ${n}:`) })).toHaveCount(1);
  });

  test('filters by status with plain links, so it works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/action-plan/');
    const filters = page.getByRole('navigation', { name: 'Filter actions by progress' });
    await filters.getByRole('link', { name: 'In progress (2)' }).click();
    await expect(page).toHaveURL(/\/action-plan\/in-progress\/$/);
    await expect(page.locator('.action')).toHaveCount(2);
    await expect(filters.getByRole('link', { name: 'In progress (2)' })).toHaveAttribute('aria-current', 'page');
    await filters.getByRole('link', { name: 'Delivered (21)' }).click();
    await expect(page.locator('.action')).toHaveCount(21);
    await expect(page.locator('.tag', { hasText: 'In progress' })).toHaveCount(0);
    await context.close();
  });
});

test('the survey chart and its data table show the same figures', async ({ page }) => {
  await page.goto('/guides/complainant-survey/');
  const chartRows = await page.locator('svg[data-chart="survey-ratings"] g.chart__row').evaluateAll((rows) =>
    rows.map((g) => ({ label: g.querySelector('.chart__label')?.textContent?.trim(), value: g.querySelector('.chart__value')?.textContent?.trim() })),
  );
  const tableRows = await page.locator('table[data-table="survey-ratings"] tbody tr').evaluateAll((rows) =>
    rows.map((tr) => ({ label: tr.querySelector('th')?.textContent?.trim(), value: tr.querySelector('td')?.textContent?.trim() })),
  );
  expect(chartRows.length).toBeGreaterThan(1);
  expect(chartRows).toEqual(tableRows);
  // Bars are drawn to scale: the widths keep the same order as the values.
  const widths = await page.locator('svg[data-chart="survey-ratings"] rect.chart__bar').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
  const values = chartRows.map((r) => Number.parseFloat(r.value ?? ''));
  expect(widths[0]! / widths[1]!).toBeCloseTo(values[0]! / values[1]!, 5);
  await expect(page.getByRole('img', { name: /how people rated the service/i })).toBeVisible();
});

test.describe('easy read', () => {
  for (const [guide, easyRead] of [
    ['/guides/complain-about-the-met/', '/easy-read/complain-about-the-met/'],
    ['/guides/how-complaints-are-handled/', '/easy-read/how-complaints-are-handled/'],
    ['/guides/right-of-review/', '/easy-read/right-of-review/'],
    ['/guides/complaints-about-mopac/', '/easy-read/complaints-about-mopac/'],
    ['/where-to-complain/', '/easy-read/where-to-complain/'],
  ] as const) {
    test(`${guide} links to its easy read version, which links back`, async ({ page }) => {
      await page.goto(guide);
      await page.getByRole('link', { name: 'Read this in easy read' }).click();
      await expect(page).toHaveURL(new RegExp(`${easyRead}$`));
      await expect(page.getByText('Easy read', { exact: true })).toBeVisible();
      await expect(page.locator(`main a[href="${guide}"]`).first()).toBeVisible();
    });
  }
});
