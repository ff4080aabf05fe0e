/**
 * Everyday words for search. Three sources: the glossary (each term names the
 * guide that explains it best, and that guide is found by the term, its other
 * spellings and its searchSynonyms), src/content/data/search-synonyms.json
 * (words people use for what the guides call something else, and the names
 * of office holders, each with a source and an "as of" date), and the queries
 * of each best bet. The build indexes them as a short extra record for the
 * page, so they find it but are never shown as its text.
 */
import type { BestBets, SearchSynonyms } from '../schemas/search.ts';

export interface SynonymSource {
  term: string;
  aliases: readonly string[];
  searchSynonyms: readonly string[];
  guide?: string | undefined;
}

export const guideUrl = (id: string) => `/guides/${id}/`;

/** Page address -> the extra words that should find it. */
export function aliasesByUrl(glossary: readonly SynonymSource[], data: SearchSynonyms = { synonyms: [], people: [] }, bestBets: BestBets = []): Map<string, string[]> {
  const byUrl = new Map<string, string[]>();
  const add = (url: string, words: readonly string[]) => {
    const list = byUrl.get(url) ?? [];
    for (const word of words) if (!list.includes(word)) list.push(word);
    byUrl.set(url, list);
  };
  for (const entry of glossary) if (entry.guide) add(guideUrl(entry.guide), [entry.term, ...entry.aliases, ...entry.searchSynonyms]);
  for (const entry of data.synonyms) add(entry.url, entry.words);
  for (const person of data.people) add(person.url, [person.name]);
  for (const bet of bestBets) add(bet.url, bet.queries);
  return byUrl;
}

/** The page address for a built file such as "guides/right-of-review/index.html". */
export function urlFromPath(relativePath: string): string {
  return '/' + relativePath.split('\\').join('/').replace(/index\.html$/, '');
}
