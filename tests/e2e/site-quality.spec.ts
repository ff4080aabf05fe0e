import { test, expect, type Page } from '@playwright/test';
import { builtPagePaths } from '../support/built-pages.ts';

// Checks beyond axe, on every built page: target size, reflow, text resize, focus and headings.
const pages = builtPagePaths();

/** Interactive targets smaller than 44 by 44 CSS pixels. Links inside a sentence are exempt (WCAG 2.5.5). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const minimum = 44;
    const problems: string[] = [];
    const isInline = (el: Element) => {
      const block = el.closest('p, li, dd, dt, td, th, figcaption, address, .meta, legend, label');
      if (!block) return false;
      // A link that is the whole content of its block is a target on its own, not part of a sentence.
      return (block.textContent ?? '').trim() !== (el.textContent ?? '').trim();
    };
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
    };
    for (const el of document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary')) {
      if (!visible(el) || (el.tagName === 'A' && isInline(el))) continue;
      // A radio or checkbox is targeted together with its label, as the .radio row.
      const target = el.matches('input[type="radio"], input[type="checkbox"]') ? (el.closest('.radio') ?? el) : el;
      const box = target.getBoundingClientRect();
      if (box.height < minimum - 0.5 || box.width < minimum - 0.5) {
        problems.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('name') || '').trim().slice(0, 40)}" is ${Math.round(box.width)}x${Math.round(box.height)}`);
      }
    }
    return problems;
  });
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Focusable elements whose look does not change when they get keyboard focus. */
async function invisibleFocus(page: Page): Promise<string[]> {
  // A key press first, so the browser treats later focus as keyboard focus (:focus-visible).
  await page.keyboard.press('Shift');
  return page.evaluate(() => {
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine].join('|');
    };
    const problems: string[] = [];
    const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])')];
    for (const el of focusable) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden], .honeypot')) continue;
      const before = look(el);
      el.focus();
      if (document.activeElement !== el) continue;
      const after = look(el);
      el.blur();
      if (before === after) problems.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('name') || '').trim().slice(0, 40)}"`);
    }
    return problems;
  });
}

/** Heading levels that skip a level (an h2 followed by an h4), or a page that does not start at h1. */
async function headingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    const problems: string[] = [];
    if (levels[0] !== 1) problems.push(`first heading is h${levels[0]}`);
    levels.forEach((level, i) => {
      if (i > 0 && level > levels[i - 1]! + 1) problems.push(`h${levels[i - 1]} followed by h${level}`);
    });
    return problems;
  });
}

for (const path of pages) {
  test(`${path}: 44 px targets, reflow at 320 px and 200% text, visible focus, headings in order`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto(path);
    expect(await horizontalOverflow(page), 'no sideways scrolling at 320 px').toBeLessThanOrEqual(0);
    expect(await smallTargets(page), 'targets at 320 px').toEqual([]);

    // 200% text size: the browser's text zoom is emulated by doubling the root font size.
    await page.setViewportSize({ width: 640, height: 720 });
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    expect(await horizontalOverflow(page), 'no sideways scrolling at 200% text').toBeLessThanOrEqual(0);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '';
    });

    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await smallTargets(page), 'targets at 1280 px').toEqual([]);
    expect(await invisibleFocus(page), 'elements with no visible focus').toEqual([]);
    expect(await headingProblems(page)).toEqual([]);
  });
}
