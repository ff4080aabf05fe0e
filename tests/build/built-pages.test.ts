import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtPagePaths, clientDir, isContentPage } from '../support/built-pages.ts';
import { builtDocument } from '../support/built-dom.ts';
import { headingLevels, headingOrderProblems } from '../support/heading-order.ts';

// Checks that need only the built HTML, on every built page (copies included), parsed with a
// real HTML parser: milliseconds a page, where a browser visit costs seconds. What needs a
// browser's layout and styles (axe, contrast, targets, reflow, focus) is in the browser sweep,
// tests/e2e/accessibility.spec.ts, which also watches the requests and cookies of a real visit.
const pages = builtPagePaths();
const contentPages = pages.filter(isContentPage);

/** One line per page and problem, so a failure names every page at once. */
function problemsOnEveryPage(paths: readonly string[], check: (document: Document, path: string) => string[]): string[] {
  return paths.flatMap((path) => check(builtDocument(path), path).map((problem) => `${path}: ${problem}`));
}

const describeElement = (el: Element) =>
  `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? ` name="${el.getAttribute('name')}"` : ''}${el.getAttribute('src') ? ` src="${el.getAttribute('src')}"` : ''}>`;

describe('every built page', () => {
  it('is found', () => {
    expect(pages.length).toBeGreaterThan(50);
    expect(contentPages.length).toBeGreaterThan(5);
  });

  it('has one h1, one main landmark with the skip link’s target, a skip link, English (UK) as its language, and a unique title', () => {
    const titles = new Map<string, string>();
    const problems = problemsOnEveryPage(pages, (document, path) => {
      const found: string[] = [];
      const count = (selector: string) => document.querySelectorAll(selector).length;
      if (count('h1') !== 1) found.push(`${count('h1')} h1 elements`);
      if (count('main, [role="main"]') !== 1) found.push(`${count('main, [role="main"]')} main landmarks`);
      if (!document.querySelector('main#main-content')) found.push('no <main id="main-content">');
      if (count('a.skip-link[href="#main-content"]') !== 1) found.push('no skip link to #main-content');
      if (document.documentElement.getAttribute('lang') !== 'en-GB') found.push(`lang is "${document.documentElement.getAttribute('lang')}"`);
      const title = document.title;
      if (!/(^| - )Police complaints in London$/.test(title)) found.push(`title "${title}" does not end with the service name`);
      if (titles.has(title)) found.push(`same title as ${titles.get(title)}`);
      titles.set(title, path);
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('has headings in order: the first is the h1, and no level is skipped', () => {
    const problems = problemsOnEveryPage(pages, (document) => headingOrderProblems(headingLevels(document)));
    expect(problems).toEqual([]);
  });

  it('has one banner, at most one content info landmark, and a different name for each navigation landmark', () => {
    const problems = problemsOnEveryPage(pages, (document) => {
      const found: string[] = [];
      const banners = document.querySelectorAll('body > header, [role="banner"]').length;
      if (banners !== 1) found.push(`${banners} banner landmarks`);
      const footers = document.querySelectorAll('body > footer, [role="contentinfo"]').length;
      if (footers > 1) found.push(`${footers} content info landmarks`);
      const names = [...document.querySelectorAll('nav')].map((nav) => nav.getAttribute('aria-label') ?? document.getElementById(nav.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? '');
      if (names.length > 1 && names.some((n) => !n)) found.push('a navigation landmark without a name, beside others');
      const repeated = names.filter((n, i) => n && names.indexOf(n) !== i);
      if (repeated.length) found.push(`navigation landmarks with the same name: ${repeated.join(', ')}`);
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('gives every image a text alternative (alt, or a name for an SVG image)', () => {
    const problems = problemsOnEveryPage(pages, (document) => [
      ...[...document.querySelectorAll('img, area, input[type="image"]')].filter((el) => !el.hasAttribute('alt')).map((el) => `${describeElement(el)} has no alt`),
      ...[...document.querySelectorAll('svg[role="img"]')]
        .filter((svg) => !svg.getAttribute('aria-label')?.trim() && !svg.getAttribute('aria-labelledby') && !svg.querySelector(':scope > title')?.textContent?.trim())
        .map((svg) => `${describeElement(svg)} has no name`),
    ]);
    expect(problems).toEqual([]);
  });

  it('gives every form field a label', () => {
    const problems = problemsOnEveryPage(pages, (document) => {
      const fields = document.querySelectorAll('input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]), select, textarea');
      return [...fields]
        .filter((field) => {
          const byFor = field.id && [...document.querySelectorAll('label')].some((l) => l.htmlFor === field.id && l.textContent?.trim());
          const wrapped = field.closest('label')?.textContent?.trim();
          const named = field.getAttribute('aria-label')?.trim();
          const labelledBy = (field.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent?.trim()).join('');
          return !byFor && !wrapped && !named && !labelledBy;
        })
        .map((field) => `${describeElement(field)} has no label`);
    });
    expect(problems).toEqual([]);
  });

  it('asks no other website for anything: every address the page loads from is on this site', () => {
    const loads: [string, string][] = [
      ['script', 'src'],
      ['img', 'src'],
      ['img', 'srcset'],
      ['source', 'src'],
      ['source', 'srcset'],
      ['iframe', 'src'],
      ['video', 'src'],
      ['video', 'poster'],
      ['audio', 'src'],
      ['track', 'src'],
      ['embed', 'src'],
      ['object', 'data'],
      ['input', 'src'],
      ['image', 'href'],
      ['use', 'href'],
      ['form', 'action'],
    ];
    const foreign = (url: string) => url.split(',').some((part) => /^\s*(\/\/|[a-z][a-z0-9+.-]*:)/i.test(part) && !/^\s*data:/i.test(part));
    const problems = problemsOnEveryPage(pages, (document) => {
      const found: string[] = [];
      for (const [tag, attribute] of loads) {
        for (const el of document.querySelectorAll(`${tag}[${attribute}]`)) {
          if (foreign(el.getAttribute(attribute)!)) found.push(`<${tag} ${attribute}="${el.getAttribute(attribute)}">`);
        }
      }
      // A canonical address names the page; it is not fetched.
      for (const link of document.querySelectorAll('link[href]:not([rel="canonical"])')) {
        if (foreign(link.getAttribute('href')!)) found.push(`<link rel="${link.getAttribute('rel')}" href="${link.getAttribute('href')}">`);
      }
      const css = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n') + [...document.querySelectorAll('[style]')].map((el) => el.getAttribute('style')).join('\n');
      for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)/g)) if (foreign(m[1] ?? m[2] ?? '')) found.push(`CSS loads ${m[1] ?? m[2]}`);
      if (document.querySelector('meta[http-equiv="refresh" i]')) found.push('a meta refresh');
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('loads no stylesheet that asks another website for anything (fonts, images, imports)', () => {
    const cssFiles = readdirSync(clientDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));
    expect(cssFiles.length).toBeGreaterThan(0);
    const problems = cssFiles.flatMap((file) =>
      [...readFileSync(join(clientDir, file), 'utf8').matchAll(/url\(\s*['"]?([^'")]+)|@import\s+(?:url\()?['"]?([^'")\s;]+)/g)]
        .map((m) => m[1] ?? m[2] ?? '')
        .filter((url) => /^(\/\/|https?:)/i.test(url))
        .map((url) => `${file}: ${url}`),
    );
    expect(problems).toEqual([]);
  });

  it('sets no cookie: no script on the site touches cookies, and no page sets one in its markup', () => {
    const scripts = readdirSync(clientDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
    expect(scripts.length).toBeGreaterThan(0);
    const problems = [
      ...scripts.filter((file) => /document\.cookie|cookieStore/.test(readFileSync(join(clientDir, file), 'utf8'))).map((file) => `${relative('.', file)} uses cookies`),
      ...problemsOnEveryPage(pages, (document) => (document.querySelector('meta[http-equiv="set-cookie" i]') ? ['a meta set-cookie'] : [])),
    ];
    expect(problems).toEqual([]);
  });
});

describe('content pages', () => {
  it('ship no JavaScript at all: no script element, no event handler attribute, no javascript: link', () => {
    const problems = problemsOnEveryPage(contentPages, (document) => [
      ...[...document.querySelectorAll('script')].map((s) => `<script${s.src ? ` src="${s.getAttribute('src')}"` : ''}>`),
      ...[...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on[a-z]+$/i.test(a.name)).map((a) => `${describeElement(el)} has ${a.name}`)),
      ...[...document.querySelectorAll('[href^="javascript:" i], [action^="javascript:" i]')].map((el) => `${describeElement(el)} runs JavaScript`),
    ]);
    expect(problems).toEqual([]);
  });
});
