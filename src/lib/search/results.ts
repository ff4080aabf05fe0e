/** What the search page says, in one sentence, when a search has answered. Only this is announced. */
export function resultCountMessage(search: {
  query: string;
  /** The corrected spelling the results are for, if any. */
  corrected?: string | undefined;
  /** True when the words as typed found nothing at all. */
  nothingAsTyped?: boolean | undefined;
  count: number;
  section?: string | undefined;
}): string {
  const where = search.section ? ` in ${search.section}` : '';
  const results = (n: number) => `${n} ${n === 1 ? 'result' : 'results'}`;
  if (search.corrected && search.count > 0) {
    return search.nothingAsTyped
      ? `No results for ‘${search.query}’. Showing ${results(search.count)} for ‘${search.corrected}’${where} instead.`
      : `Showing ${results(search.count)} for ‘${search.corrected}’${where}, the closest spelling to ‘${search.query}’.`;
  }
  if (search.count === 0) return `No results for ‘${search.query}’${where}. Try the suggestions below.`;
  return `${results(search.count)} for ‘${search.query}’${where}.`;
}

/** Said at once when a search starts, so nobody mistakes the page for its answer. */
export const searchingMessage = 'Searching…';
