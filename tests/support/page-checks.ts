import type { Page } from '@playwright/test';
import { headingOrderProblems } from './heading-order.ts';

// Checks beyond axe that need a browser's layout and styles, run in each visit of the page sweep
// (tests/e2e/accessibility.spec.ts): target size, reflow, visible focus, and headings as rendered.

/** Interactive targets smaller than 44 by 44 CSS pixels. Links inside a sentence are exempt (WCAG 2.5.5). */
export async function smallTargets(page: Page): Promise<string[]> {
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

export const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Focusable elements whose look does not change when they get keyboard focus. */
export async function invisibleFocus(page: Page): Promise<string[]> {
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
export async function headingProblems(page: Page): Promise<string[]> {
  // The levels as rendered, checked by the same rule as the built HTML.
  const levels = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])));
  return headingOrderProblems(levels);
}

/**
 * On a wizard result: the main action starts within the first two screens of a small phone
 * (320 by 568), and "Start again" sits above the steps, so no one scrolls the whole page for it.
 * Positions are measured from the top of the page, which does not change with the window's height,
 * so this runs in the sweep's 320 px visit. Empty on every other page.
 */
export async function firstScreenProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const screen = 568;
    const problems: string[] = [];
    if (!document.querySelector('.wizard[data-kind="result"]')) return problems;
    const top = (selector: string) => {
      const el = document.querySelector(selector);
      return el ? el.getBoundingClientRect().top + window.scrollY : undefined;
    };
    const action = top('[data-main-action]');
    if (action === undefined) problems.push('no main action');
    else if (action >= 2 * screen) problems.push(`main action starts ${Math.round(action)} px down, beyond two ${screen} px screens`);
    const startAgain = top('.wizard__shortcuts [data-start-again]');
    const steps = top('.wizard__steps');
    if (startAgain === undefined) problems.push('no "Start again" in the shortcuts');
    else if (steps !== undefined && startAgain >= steps) problems.push('"Start again" is below the steps');
    return problems;
  });
}
