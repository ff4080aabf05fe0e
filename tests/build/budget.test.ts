import { describe, it, expect } from 'vitest';
import { builtHtml, builtPagePaths } from '../support/built-pages.ts';
import { contentPageWeights, fontFiles, pageWeights, scriptSizes } from '../support/page-weight.ts';

// Budgets in bytes, on the built files (never on time).
const firstRequestBudget = 14 * 1024;
const islandBudget = 10 * 1024;

describe('the performance budget', () => {
  it('keeps every content page’s HTML and CSS within 14 KB compressed for the first request', () => {
    const over = contentPageWeights().filter((w) => w.firstRequestGzip > firstRequestBudget);
    expect(over.map((w) => `${w.path}: ${w.firstRequestGzip} bytes`)).toEqual([]);
  });

  it('ships no JavaScript on content pages', () => {
    expect(contentPageWeights().filter((w) => w.jsGzip > 0).map((w) => w.path)).toEqual([]);
  });

  it('keeps every island script at 10 KB or less minified', () => {
    const over = scriptSizes().filter((s) => s.bytes > islandBudget);
    expect(over.map((s) => `${s.file}: ${s.bytes} bytes`)).toEqual([]);
    expect(scriptSizes().some((s) => /wizard/.test(s.file))).toBe(true);
  });

  it('uses no web fonts', () => {
    expect(fontFiles()).toEqual([]);
  });

  it('gives every image a size and lazy loading', () => {
    const problems: string[] = [];
    for (const path of builtPagePaths()) {
      for (const img of builtHtml(path).match(/<img\b[^>]*>/g) ?? []) {
        if (!/\swidth="\d+"/.test(img) || !/\sheight="\d+"/.test(img) || !/\sloading="lazy"/.test(img)) problems.push(`${path}: ${img}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('measures every built page', () => {
    expect(pageWeights().length).toBe(builtPagePaths().length);
  });
});
