import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { answer, prepare, type SearchIndexFile } from '../../src/lib/search/engine.ts';
import { clientDir, builtPagePaths } from '../support/built-pages.ts';
import { searchQueries } from '../support/search-queries.ts';

// The index the browser fetches (the compressed copy), searched by the same code the search page runs.
const file = JSON.parse(gunzipSync(readFileSync(join(clientDir, 'search', 'index.bin'))).toString('utf8')) as SearchIndexFile;
const index = prepare(file);
const top3 = (query: string) => answer(index, query).hits.slice(0, 3).map((h) => h.page.url);

describe('search on the built site', () => {
  it(`finds the right page in the top three for ${searchQueries.length} realistic searches`, () => {
    expect(searchQueries.length).toBeGreaterThanOrEqual(40);
    const misses = searchQueries.filter(([query, expected]) => !top3(query).includes(expected)).map(([query, expected]) => `"${query}" -> ${expected}, got ${top3(query).join(', ')}`);
    expect(misses).toEqual([]);
  });

  it('brings up easy read pages for "easy read", and full guides first otherwise', () => {
    const found = top3('easy read');
    expect(found[0]).toMatch(/^\/easy-read\//);
    expect(found.filter((url) => url.startsWith('/easy-read/')).length).toBeGreaterThanOrEqual(2);
    expect(top3('right of review')[0]).toBe('/guides/right-of-review/');
  });

  it('indexes only real pages, and the plain copy matches the compressed one', () => {
    const built = new Set(builtPagePaths());
    expect(file.pages.map((p) => p.url).filter((url) => !built.has(url))).toEqual([]);
    expect(JSON.parse(readFileSync(join(clientDir, 'search', 'index.json'), 'utf8'))).toEqual(file);
  });

  it('points every best bet at an indexed page', () => {
    const indexed = new Set(file.pages.map((p) => p.url));
    expect(file.bestBets.map((b) => b.url).filter((url) => !indexed.has(url))).toEqual([]);
  });

  it('leaves the search page, the home page and topic lists out of the index', () => {
    const urls = file.pages.map((p) => p.url);
    expect(urls).not.toContain('/search/');
    expect(urls).not.toContain('/');
    expect(urls.filter((u) => u.startsWith('/topics/'))).toEqual([]);
  });
});
