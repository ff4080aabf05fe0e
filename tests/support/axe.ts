import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.2 A and AA, best practice, and the AAA enhanced contrast rule (7:1). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa', 'best-practice'];

/**
 * The page's axe violations as short readable lines (empty when there are none).
 * Only violations are collected, and axe runs in the page itself ("legacy mode")
 * rather than opening a second page to combine frame results: the site has no
 * iframes to combine, and each run is about three times faster.
 */
export async function axeViolations(page: Page, label = '', only?: { rules: string[] }): Promise<string[]> {
  const builder = only ? new AxeBuilder({ page }).withRules(only.rules) : new AxeBuilder({ page }).withTags(axeTags);
  const results = await builder.options({ resultTypes: ['violations'] }).setLegacyMode(true).analyze();
  return results.violations.map(
    (v) => `${label ? `${label}: ` : ''}${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The rules whose result can change with the colour scheme alone: the markup is the same in light and dark. */
export const colourRules = { rules: ['color-contrast', 'color-contrast-enhanced', 'link-in-text-block'] };
