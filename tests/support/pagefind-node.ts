/**
 * The built site's Pagefind, run in Node: the browser bundle from
 * dist/client/pagefind/ with a fetch that reads the built files, so the build
 * tests search exactly what the search page searches.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pagefindEngine, type PagefindApi } from '../../src/lib/search/pagefind-engine.ts';
import { answer, type QueryData } from '../../src/lib/search/query.ts';

// From the repository root: under jsdom import.meta.url is not a file URL.
const clientDir = join(process.cwd(), 'dist/client');
const realFetch = globalThis.fetch;

/** fetch answers a path on the site ("/pagefind/...") with the built file's bytes. */
export function fetchBuiltFiles(): void {
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('/')) return realFetch(input, init);
    return new Response(await readFile(join(clientDir, new URL(url, 'http://site/').pathname)));
  }) as typeof fetch;
}

export async function builtPagefind(): Promise<PagefindApi & { init(): Promise<void>; options(o: object): Promise<void> }> {
  fetchBuiltFiles();
  const pagefind = await import(pathToFileURL(join(clientDir, 'pagefind', 'pagefind.js')).href);
  await pagefind.options({ basePath: '/pagefind/', noWorker: true, excerptLength: 24, excerptEllipsis: '…' });
  await pagefind.init();
  return pagefind;
}

/** A search as the search page runs it, against the built index. */
export async function searchBuiltSite(): Promise<(query: string, section?: string) => ReturnType<typeof answer>> {
  const engine = pagefindEngine(await builtPagefind());
  const data = JSON.parse(await readFile(join(clientDir, 'search', 'query-data.json'), 'utf8')) as QueryData;
  return (query, section) => answer(engine, query, { section, data: async () => data });
}
