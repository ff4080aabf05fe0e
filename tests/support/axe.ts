import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from '@playwright/test';

/** WCAG 2.2 A and AA, best practice, and the AAA enhanced contrast rule (7:1). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa', 'best-practice'];

/** The rules whose result can change with the colour scheme alone: the markup is the same in light and dark. */
export const colourRules = { rules: ['color-contrast', 'color-contrast-enhanced', 'link-in-text-block'] };

/**
 * Puts axe-core into the page once per document. AxeBuilder injects its ~500 KB script twice
 * on every analysis (about 1 s a page here); after this it is handed an empty script instead,
 * so several analyses of one visit (two widths, light and dark) share one injection.
 * A navigation starts a new document without axe, so the check runs before every analysis.
 */
async function injectAxeOnce(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!present) await page.evaluate(axe.source);
}

/**
 * The page's axe violations as short readable lines (empty when there are none).
 * Only violations are collected, and axe runs in the page itself ("legacy mode")
 * rather than opening a second page to combine frame results: the site has no
 * iframes to combine, and each run is about three times faster.
 * Every browser test uses this one helper, so all of them run the same rules.
 */
export async function axeViolations(page: Page, label = '', only?: { rules: string[] }): Promise<string[]> {
  await injectAxeOnce(page);
  const builder = new AxeBuilder({ page, axeSource: ';' });
  const configured = only ? builder.withRules(only.rules) : builder.withTags(axeTags);
  const results = await configured.options({ resultTypes: ['violations'] }).setLegacyMode(true).analyze();
  return results.violations.map(
    (v) => `${label ? `${label}: ` : ''}${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`,
  );
}
