import { test, expect } from '@playwright/test';
import { builtPagePaths } from '../support/built-pages.ts';
import { axeViolations, colourRules } from '../support/axe.ts';

// Every rule at both widths in light colours; in dark colours, at the phone width where most
// dark-mode reading happens, the rules that colours alone can break (the markup does not change).
const variants = [
  { width: 320, height: 720, colorScheme: 'light', only: undefined },
  { width: 1280, height: 900, colorScheme: 'light', only: undefined },
  { width: 320, height: 720, colorScheme: 'dark', only: colourRules },
  { width: 1280, height: 900, colorScheme: 'dark', only: colourRules },
] as const;

for (const path of builtPagePaths()) {
  test(`${path} has no axe violations at 320 and 1280 px, light and dark`, async ({ page }) => {
    await page.goto(path);
    const problems: string[] = [];
    for (const v of variants) {
      await page.setViewportSize({ width: v.width, height: v.height });
      await page.emulateMedia({ colorScheme: v.colorScheme });
      problems.push(...(await axeViolations(page, `${v.width}px ${v.colorScheme}`, v.only)));
    }
    expect(problems).toEqual([]);
  });
}
