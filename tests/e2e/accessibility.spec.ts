import { test, expect } from '@playwright/test';
import { isContentPage } from '../support/built-pages.ts';
import { sweptPagePaths } from '../support/page-sampling.ts';
import { axeViolations, colourRules } from '../support/axe.ts';
import { firstScreenProblems, headingProblems, horizontalOverflow, invisibleFocus, smallTargets } from '../support/page-checks.ts';

// The browser sweep: each built page is opened once, and everything that needs a browser's
// layout and styles is checked in that one visit, at 320 px and at 1280 px:
// - axe (WCAG 2.2 AA, best practice, 7:1 contrast) in light colours, and in dark colours the rules
//   that colours alone can break (the markup does not change), on every page: a colour pair can be
//   used on one page only;
// - targets of 44 by 44 px, no sideways scrolling at 320 px or at 200% text, a visible focus style
//   on every focusable element, headings in order as rendered; on wizard results, the main action
//   within two small-phone screens and "Start again" above the steps;
// - no request to another origin, no script requested by a content page, and no cookie.
// Copies of swept pages (the wizard's embed copies, the filled-in request forms) are sampled:
// see tests/support/page-sampling.ts for which and why, and tests/build/built-pages.test.ts for
// the check that their markup matches. Checks that need only the HTML run there, on every page.
//
// Pages are checked in groups that share one browser context (a fresh context per page costs
// as much as the checks); each page's problems are reported under its own path.
const pagesPerContext = 6;
const pages = sweptPagePaths();
const groups = Array.from({ length: Math.ceil(pages.length / pagesPerContext) }, (_, i) => pages.slice(i * pagesPerContext, (i + 1) * pagesPerContext));

const phone = { width: 320, height: 720 };
const desktop = { width: 1280, height: 900 };

for (const group of groups) {
  test(`${group.join(' ')}: axe at 320 and 1280 px light and dark, 44 px targets, reflow, focus, headings, nothing from elsewhere`, async ({ page, context, baseURL }) => {
    test.setTimeout(30_000 * group.length);
    const origin = new URL(baseURL ?? '').origin;
    let current = '';
    const foreign: string[] = [];
    const scripts: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.origin !== origin) foreign.push(`${request.url()} from ${current}`);
      if (request.resourceType() === 'script' && isContentPage(current)) scripts.push(`${request.url()} from ${current}`);
    });

    for (const path of group) {
      current = path;
      await test.step(path, async () => {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.setViewportSize(phone);
        await page.goto(path);

        expect.soft(await horizontalOverflow(page), `${path}: no sideways scrolling at 320 px`).toBeLessThanOrEqual(0);
        expect.soft(await smallTargets(page), `${path}: targets at 320 px`).toEqual([]);
        expect.soft(await firstScreenProblems(page), `${path}: a wizard result's main action and Start again on a small phone`).toEqual([]);
        const axeProblems = [...(await axeViolations(page, '320px light'))];
        await page.emulateMedia({ colorScheme: 'dark' });
        axeProblems.push(...(await axeViolations(page, '320px dark', colourRules)));
        await page.emulateMedia({ colorScheme: 'light' });

        // 200% text size: the browser's text zoom is emulated by doubling the root font size.
        await page.setViewportSize({ width: 640, height: 720 });
        await page.evaluate(() => {
          document.documentElement.style.fontSize = '200%';
        });
        expect.soft(await horizontalOverflow(page), `${path}: no sideways scrolling at 200% text`).toBeLessThanOrEqual(0);
        await page.evaluate(() => {
          document.documentElement.style.fontSize = '';
        });

        await page.setViewportSize(desktop);
        expect.soft(await smallTargets(page), `${path}: targets at 1280 px`).toEqual([]);
        axeProblems.push(...(await axeViolations(page, '1280px light')));
        await page.emulateMedia({ colorScheme: 'dark' });
        axeProblems.push(...(await axeViolations(page, '1280px dark', colourRules)));
        await page.emulateMedia({ colorScheme: 'light' });
        expect.soft(axeProblems, `${path}: axe violations`).toEqual([]);

        // Last, as it moves focus through the page.
        expect.soft(await invisibleFocus(page), `${path}: elements with no visible focus`).toEqual([]);
        expect.soft(await headingProblems(page), `${path}: headings as rendered`).toEqual([]);
      });
    }

    expect(foreign, 'requests to other websites').toEqual([]);
    expect(scripts, 'scripts requested by content pages').toEqual([]);
    expect(await context.cookies(), 'cookies set by any page').toEqual([]);
  });
}
