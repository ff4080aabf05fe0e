import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPagePaths } from '../support/built-pages.ts';

// WCAG 2.2 A and AA, best practice, and the AAA enhanced contrast rule (7:1).
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa', 'best-practice'];

const variants = [
  { width: 320, height: 720, colorScheme: 'light' },
  { width: 1280, height: 900, colorScheme: 'light' },
  { width: 320, height: 720, colorScheme: 'dark' },
  { width: 1280, height: 900, colorScheme: 'dark' },
] as const;

for (const path of builtPagePaths()) {
  test(`${path} has no axe violations at 320 and 1280 px, light and dark`, async ({ page }) => {
    await page.goto(path);
    for (const v of variants) {
      await page.setViewportSize({ width: v.width, height: v.height });
      await page.emulateMedia({ colorScheme: v.colorScheme });
      const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
      const summary = results.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
      expect(summary, `${path} at ${v.width}px, ${v.colorScheme}`).toEqual([]);
    }
  });
}
