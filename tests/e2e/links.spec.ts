import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { checkLinks } from '../support/html-links.ts';

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
