import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir, builtPagePaths } from '../support/built-pages.ts';
import { searchBuiltSite } from '../support/pagefind-node.ts';
import { searchQueries } from '../support/search-queries.ts';

// The Pagefind index the browser fetches, searched through the same query layer the search page runs.
let run: Awaited<ReturnType<typeof searchBuiltSite>>;
beforeAll(async () => {
  run = await searchBuiltSite();
});
const top3 = async (query: string) => (await run(query)).hits.slice(0, 3).map((h) => h.page.url);

describe('search on the built site', () => {
  it(`finds the right page in the top three for ${searchQueries.length} realistic searches`, async () => {
    expect(searchQueries.length).toBeGreaterThanOrEqual(40);
    const misses: string[] = [];
    for (const [query, expected] of searchQueries) {
      const found = await top3(query);
      if (!found.includes(expected)) misses.push(`"${query}" -> ${expected}, got ${found.join(', ')}`);
    }
    expect(misses).toEqual([]);
  });

  it('brings up easy read pages for "easy read", and full guides first otherwise', async () => {
    const found = await top3('easy read');
    expect(found[0]).toMatch(/^\/easy-read\//);
    expect(found.filter((url) => url.startsWith('/easy-read/')).length).toBeGreaterThanOrEqual(2);
    expect((await top3('right of review'))[0]).toBe('/guides/right-of-review/');
  });

  it('gives only real pages as results', async () => {
    const built = new Set(builtPagePaths());
    const urls = new Set<string>();
    for (const [query] of searchQueries) for (const hit of (await run(query)).hits) urls.add(hit.page.url);
    expect([...urls].filter((url) => !built.has(url))).toEqual([]);
  });

  it('leaves the search page, the home page and topic lists out of the index', async () => {
    const urls = new Set<string>();
    for (const query of ['search', 'complaint', 'topics', 'police', 'guide']) for (const hit of (await run(query)).hits) urls.add(hit.page.url);
    expect(urls).not.toContain('/search/');
    expect(urls).not.toContain('/');
    expect([...urls].filter((u) => u.startsWith('/topics/'))).toEqual([]);
  });

  it('ships Pagefind and no home-made index', () => {
    expect(existsSync(join(clientDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(readdirSync(join(clientDir, 'pagefind', 'fragment')).length).toBeGreaterThan(20);
    expect(existsSync(join(clientDir, 'search', 'index.bin'))).toBe(false);
    expect(existsSync(join(clientDir, 'search', 'index.json'))).toBe(false);
    // Besides Pagefind, only the site's words for spelling and the best bets: no page text.
    const data = JSON.parse(readFileSync(join(clientDir, 'search', 'query-data.json'), 'utf8')) as { words: unknown[]; bestBets: unknown[] };
    expect(Object.keys(data).sort()).toEqual(['bestBets', 'words']);
    expect(data.words.every((w) => typeof w === 'string' && /^[a-z]+$/.test(w))).toBe(true);
    expect(data.bestBets).toEqual(JSON.parse(readFileSync('src/content/data/search-best-bets.json', 'utf8')));
  });

  it('names no office holder on any page: the names are search words only', () => {
    const synonyms = JSON.parse(readFileSync('src/content/data/search-synonyms.json', 'utf8')) as { people: { name: string }[] };
    const surnames = synonyms.people.map((p) => p.name.split(' ').at(-1)!);
    expect(surnames.length).toBeGreaterThanOrEqual(2);
    const naming = builtPagePaths().filter((path) => {
      const file = path.endsWith('/') ? join(clientDir, path, 'index.html') : join(clientDir, path);
      const html = readFileSync(file, 'utf8');
      return surnames.some((name) => html.includes(name));
    });
    expect(naming).toEqual([]);
  });
});
