import { test, expect, type Page } from '@playwright/test';

// The same journeys must work with JavaScript on and off: no content page depends on it.
for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a person finds how to complain about the Met from the home page', async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveTitle('Police complaints in London');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complain about policing in London');
      await expect(page.getByText('In an emergency, call 999.')).toBeVisible();

      await page.getByRole('link', { name: 'Complain about a Met officer, staff member or service' }).click();
      await expect(page).toHaveURL(/\/guides\/complain-about-the-met\/$/);
      await expect(page).toHaveTitle('Complaining about the Metropolitan Police - Police complaints in London');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaining about the Metropolitan Police');
      await expect(page.getByText(/^Last reviewed: \d{1,2} [A-Z][a-z]+ \d{4}$/)).toBeVisible();
      const sources = page.getByRole('region', { name: 'Sources' });
      await expect(sources.getByRole('listitem').first()).toBeVisible();

      // The breadcrumb leads back to the section, which lists the guide.
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Complaints about the Metropolitan Police' }).click();
      await expect(page).toHaveURL(/\/topics\/complaining-about-the-met\/$/);
      await expect(page.getByRole('link', { name: 'Complaining about the Metropolitan Police' }).first()).toBeVisible();
    });

    test('the header search form takes a person to the search page with their words', async ({ page }) => {
      await page.goto('/guides/complain-about-the-met/');
      const search = page.getByRole('search');
      await search.getByLabel('Search this site').fill('review');
      await search.getByRole('button', { name: 'Search' }).click();
      await expect(page).toHaveURL(/\/search\/\?q=review$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
      // Every page is still reachable from the A to Z list.
      await expect(page.getByRole('link', { name: 'Complaining about the Metropolitan Police' }).first()).toBeVisible();
    });

    test('the skip link moves a keyboard user past the navigation', async ({ page }) => {
      await page.goto('/guides/complain-about-the-met/');
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#main-content$/);
      await page.keyboard.press('Tab');
      // The next Tab lands inside the main content, not in the header or navigation.
      const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
      expect(inMain).toBe(true);
    });

    test('an unknown address shows a helpful "Page not found" page with a 404 status', async ({ page }) => {
      const response = await page.goto('/no-such-page/');
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      await expect(page.getByRole('link', { name: 'home page' })).toHaveAttribute('href', '/');
    });

    test('the footer links to the accessibility statement, privacy, contact and accessible formats', async ({ page }) => {
      await page.goto('/');
      const footer = page.getByRole('contentinfo');
      for (const [name, heading] of [
        ['Accessibility statement', 'Accessibility statement'],
        ['Privacy', 'Privacy'],
        ['Contact us', 'Contact us'],
        ['Accessible formats', 'Accessible formats'],
      ] as const) {
        await footer.getByRole('link', { name, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await page.goBack();
      }
    });
  });
}

async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return false;
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
  });
}

test('every link in the header and navigation shows a visible focus style', async ({ page }) => {
  await page.goto('/');
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    expect(await focusIsVisible(page), `focus stop ${i + 1}`).toBe(true);
  }
});
