/**
 * Pagefind's JS API as the engine the query layer (query.ts) asks. The same
 * adapter runs in the browser and, with a file-reading fetch, in the build
 * tests. A page's search words are a second record at the page's address with
 * "?search-words" added: a result found that way shows the page's summary.
 */
import { excerptSegments, type Engine, type Found } from './query.ts';

/** The part of Pagefind's JS API this site uses. */
export interface PagefindApi {
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined> }>;
}

export const searchWordsSuffix = '?search-words';

export function pagefindEngine(pagefind: PagefindApi): Engine {
  return {
    async search(query, section) {
      const found = await pagefind.search(query, section ? { filters: { section } } : {});
      return (found?.results ?? []).map(
        (result): Found => ({
          id: result.id,
          score: result.score,
          async data() {
            const d = await result.data();
            const alias = d.url.endsWith(searchWordsSuffix);
            return {
              url: alias ? d.url.slice(0, -searchWordsSuffix.length) : d.url,
              title: d.meta.title ?? d.url,
              section: d.meta.section,
              archived: d.meta.archived === 'yes',
              easyRead: d.meta.easyread === 'yes',
              alias,
              excerpt: alias ? [{ text: d.meta.summary ?? '', mark: false }] : excerptSegments(d.excerpt),
            };
          },
        }),
      );
    },
  };
}
