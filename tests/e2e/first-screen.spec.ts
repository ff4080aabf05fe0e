import { test, expect } from '@playwright/test';
import { axeViolations } from '../support/axe.ts';

// On a small phone the page's own heading starts on the first screen, and the navigation and
// search sit behind "Menu" and "Search" (details/summary), which need no JavaScript.
// node bench/first-screen.ts prints the same figures for 320 x 568 and 390 x 844.
const smallPhone = { width: 320, height: 568 };
const pages = ['/', '/where-to-complain/', '/where-to-complain/how-serious/', '/guides/raising-concerns-as-police-staff/'];
const navLinks = ['Where to complain', 'Complain about the Met', 'Commissioner, Mayor and MOPAC', 'Police staff', 'What changed', 'Help'];

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, viewport: smallPhone });

    test('at 320 x 568 the heading starts within 260 px and the home page start button is on the first screen', async ({ page }) => {
      for (const path of pages) {
        await page.goto(path);
        const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
        expect(h1?.y, `h1 top on ${path}`).toBeLessThanOrEqual(260);
      }
      await page.goto('/');
      const button = await page.getByRole('link', { name: 'Find where to complain' }).boundingBox();
      expect(button, 'the start button is shown').not.toBeNull();
      expect(button!.y + button!.height, 'start button bottom').toBeLessThanOrEqual(smallPhone.height);
    });

    test('on a small phone every navigation link is one tap away behind Menu, and search behind Search', async ({ page }) => {
      await page.goto('/guides/right-of-review/');
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
      const nav = page.getByRole('navigation', { name: 'Menu' });
      await expect(nav).toBeHidden();
      const menu = page.getByRole('group').filter({ has: page.locator('summary', { hasText: 'Menu' }) });
      await page.locator('summary', { hasText: 'Menu' }).click();
      await expect(nav).toBeVisible();
      await expect(nav.getByRole('link')).toHaveText(navLinks);
      await expect(menu).toHaveAttribute('open', '');
      // axe runs as a script in the page, so only with JavaScript on.
      if (javaScriptEnabled) expect(await axeViolations(page, 'menu open')).toEqual([]);

      await page.locator('summary', { hasText: 'Search' }).click();
      const box = page.getByRole('search').getByLabel('Search this site');
      await expect(box).toBeVisible();
      await box.fill('review');
      await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
      await expect(page).toHaveURL(/\/search\/\?q=review$/);
      // The search page has its own form, so its header offers only Menu.
      await expect(page.locator('summary', { hasText: 'Search' })).toHaveCount(0);
      await expect(page.locator('summary', { hasText: 'Menu' })).toBeVisible();
    });

    test('a keyboard user opens the menu with Enter after the skip link and the site name', async ({ page }) => {
      await page.goto('/where-to-complain/');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Police complaints in London' })).toBeFocused();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.locator('summary', { hasText: 'Menu' })).toBeFocused();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const first = page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Where to complain' });
      await expect(first).toBeFocused();
      await expect(first).toHaveAttribute('aria-current', 'true');
    });
  });
}

test('wide screens keep the search form in the header and the navigation strip, with no Menu or Search buttons', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/guides/right-of-review/');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(navLinks);
  await expect(page.getByRole('search').getByLabel('Search this site')).toBeVisible();
  await expect(page.locator('summary', { hasText: 'Menu' })).toBeHidden();
  await expect(page.locator('summary', { hasText: 'Search' })).toBeHidden();
  const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
  const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  expect(nav!.y).toBeLessThan(h1!.y);
});
