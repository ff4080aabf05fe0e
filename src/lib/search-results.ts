export interface FoundPage {
  url: string;
  title: string;
  excerpt: string;
  section?: string | undefined;
  archived: boolean;
}

/** Archived pages stay findable but always come after current ones, keeping Pagefind's order otherwise. */
export function orderCurrentFirst<T extends { archived: boolean }>(pages: readonly T[]): T[] {
  return [...pages.filter((p) => !p.archived), ...pages.filter((p) => p.archived)];
}

/** The one sentence the status region announces after a search. */
export function resultCountMessage(search: { query: string; corrected?: string | undefined; count: number; section?: string }): string {
  const where = search.section ? ` in ${search.section}` : '';
  const results = (n: number) => `${n} ${n === 1 ? 'result' : 'results'}`;
  if (search.corrected && search.count > 0) {
    return `No results for ‘${search.query}’. Showing ${results(search.count)} for ‘${search.corrected}’${where} instead.`;
  }
  if (search.count === 0) {
    return `No results for ‘${search.query}’${where}. Check the spelling, try another word, or look through every page below.`;
  }
  return `${results(search.count)} for ‘${search.query}’${where}.`;
}
