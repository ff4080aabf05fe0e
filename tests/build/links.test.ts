import { test, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { checkLinks, internalLinks } from '../support/html-links.ts';
import { builtPagePaths } from '../support/built-pages.ts';

test('every internal link and anchor on the built site leads somewhere', () => {
  const { problems, external, checked } = checkLinks();
  expect(checked).toBeGreaterThan(100);
  expect(problems).toEqual([]);
  // External links cannot be checked here (no internet); list them for a person to review.
  mkdirSync('reports', { recursive: true });
  const lines = [...external.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([href, pages]) => `${href}\n    on ${[...new Set(pages)].join(', ')}`);
  writeFileSync('reports/external-links.txt', `${external.size} external links to review by hand\n\n${lines.join('\n')}\n`);
  console.log(`Checked ${checked} internal links; ${external.size} external links listed in reports/external-links.txt`);
});

// Pages that are states of a tool or not pages people browse to, each with a reason.
const notBrowsedTo: { pattern: RegExp; reason: string }[] = [
  { pattern: /^\/where-to-complain\/[^/]+\/$/, reason: 'a step of the wizard, reached by answering its questions' },
  { pattern: /^\/embed\/where-to-complain\//, reason: 'the wizard inside other sites’ frames' },
  { pattern: /^\/404\.html$/, reason: 'shown for addresses that do not exist' },
  { pattern: /^\/500\.html$/, reason: 'shown when a page the server renders fails' },
];

test('every page can be reached from the home page in 3 clicks or fewer', () => {
  const depth = new Map<string, number>([['/', 0]]);
  const queue = ['/'];
  while (queue.length) {
    const page = queue.shift()!;
    const d = depth.get(page)!;
    if (d === 3) continue;
    for (const href of internalLinks(page)) {
      if (!depth.has(href)) {
        depth.set(href, d + 1);
        queue.push(href);
      }
    }
  }
  const unreachable = builtPagePaths().filter((path) => !depth.has(path) && !notBrowsedTo.some((e) => e.pattern.test(path)));
  expect(unreachable).toEqual([]);
});
