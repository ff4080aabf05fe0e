/**
 * The site's own search engine. The build writes every searchable page to one
 * small index file; the browser (and the tests, in Node) turn it into word
 * lists and rank pages for a query here. It is built for people who type
 * questions and everyday words:
 *
 * - words that only shape a question ("how", "do", "I", "my") are ignored;
 * - pages with every remaining word come first; when fewer than three pages
 *   have them all, pages with some of the words follow, most words first;
 * - words in titles, headings and the page's everyday synonyms count more;
 * - "exact phrases" in quotes must appear as written;
 * - a best bet (a page chosen by people for a common task) can come first.
 */
import { closestWord } from './spelling.ts';
import { normalise, stem, stopWords, words } from './text.ts';

export interface IndexedPage {
  url: string;
  title: string;
  /** The topic shown under the result. */
  section?: string | undefined;
  archived?: boolean | undefined;
  summary: string;
  headings: string[];
  /** Everyday words for this page from the synonym data; searched, never shown. */
  extra: string[];
  /** The page's sentences, in order; results quote one of them. */
  text: string[];
  /** Below 1 for pages that are other versions of a guide (easy read), so the full guide comes first. */
  rank?: number | undefined;
}

export interface BestBet {
  url: string;
  queries: string[];
}

export interface SearchIndexFile {
  version: 1;
  pages: IndexedPage[];
  bestBets: BestBet[];
}

export interface Segment {
  text: string;
  mark: boolean;
}

export interface Hit {
  page: IndexedPage;
  /** How many of the query's words the page has. */
  matched: number;
  score: number;
  recommended: boolean;
  excerpt: Segment[];
}

export interface Prepared {
  pages: IndexedPage[];
  bestBets: { url: string; stems: Set<string> }[];
  /** stem -> page number -> weighted count. */
  postings: Map<string, Map<number, number>>;
  lengths: number[];
  averageLength: number;
  /** Each page's words joined by single spaces, for exact phrases. */
  phraseText: string[];
  /** Words used on the site, for spelling suggestions. */
  vocabulary: string[];
}

/** How much a word counts in each part of a page: titles and headings say what a page is about. */
const weights = { title: 10, extra: 6, headings: 4, summary: 3, text: 1 } as const;

export function prepare(file: SearchIndexFile): Prepared {
  const postings = new Map<string, Map<number, number>>();
  const vocabulary = new Set<string>();
  const lengths: number[] = [];
  const phraseText: string[] = [];
  file.pages.forEach((page, n) => {
    let length = 0;
    const all: string[] = [];
    for (const [field, weight] of Object.entries(weights) as [keyof typeof weights, number][]) {
      const value = page[field];
      for (const part of Array.isArray(value) ? value : [value]) {
        const ws = words(part);
        if (field !== 'extra') all.push(...ws, '|');
        for (const w of ws) {
          if (w.length > 3 && !stopWords.has(w)) vocabulary.add(w);
          const s = stem(w);
          const forPage = postings.get(s) ?? new Map<number, number>();
          forPage.set(n, (forPage.get(n) ?? 0) + weight);
          postings.set(s, forPage);
          length += weight;
        }
      }
    }
    lengths.push(length);
    phraseText.push(` ${all.join(' ')} `);
  });
  return {
    pages: file.pages,
    bestBets: file.bestBets.flatMap((bet) => bet.queries.map((q) => ({ url: bet.url, stems: new Set(contentStems(parseQuery(q))) }))),
    postings,
    lengths,
    averageLength: lengths.reduce((a, b) => a + b, 0) / Math.max(lengths.length, 1),
    phraseText,
    vocabulary: [...vocabulary],
  };
}

export interface Query {
  /** Words outside quotes, as typed (lower case). */
  loose: string[];
  /** Each quoted phrase as its words. */
  phrases: string[][];
}

export function parseQuery(query: string): Query {
  const phrases: string[][] = [];
  const rest = normalise(query).replace(/["“”]([^"“”]*)["“”]?/g, (_, phrase: string) => {
    const ws = words(phrase);
    if (ws.length) phrases.push(ws);
    return ' ';
  });
  return { loose: words(rest), phrases };
}

/** The words that carry meaning; a query of nothing but question words keeps them all. */
export function contentWords(q: Query): string[] {
  const meaningful = q.loose.filter((w) => !stopWords.has(w));
  return meaningful.length || q.phrases.length ? meaningful : q.loose;
}

const contentStems = (q: Query): string[] => [...new Set(contentWords(q).map(stem))];

/**
 * Page number -> weighted count for a stem. A stem not on the site may be a
 * word typed only in part ("whistleblo"): longer words starting with it count
 * at half weight. Each stem used is added to `used`, for highlighting.
 */
function lookUp(prepared: Prepared, term: string, used?: Set<string>): Map<number, number> {
  const exact = prepared.postings.get(term);
  if (exact) {
    used?.add(term);
    return exact;
  }
  const found = new Map<number, number>();
  if (term.length >= 4) {
    for (const [other, forPage] of prepared.postings) {
      if (!other.startsWith(term)) continue;
      used?.add(other);
      for (const [n, c] of forPage) found.set(n, (found.get(n) ?? 0) + c / 2);
    }
  }
  return found;
}

/** True when the word, or a longer word starting with it, is on the site. */
export const isKnown = (prepared: Prepared, word: string): boolean => lookUp(prepared, stem(word)).size > 0;

export interface SearchOptions {
  /** Only pages with this topic. */
  section?: string | undefined;
}

export function search(prepared: Prepared, query: string, options: SearchOptions = {}): Hit[] {
  const q = parseQuery(query);
  const required = contentStems(q);
  const phraseStems = q.phrases.flat().filter((w) => !stopWords.has(w)).map(stem);
  const highlight = new Set<string>();
  const scoring = [...new Set([...required, ...phraseStems])];
  if (!scoring.length && !q.phrases.length) return [];

  // A page kept lower (easy read) is not kept lower when the search names its topic.
  const rank = (page: IndexedPage) =>
    page.rank === undefined || (required.length > 0 && required.every((t) => words(page.section ?? '').some((w) => stem(w) === t))) ? 1 : page.rank;
  const total = prepared.pages.length;
  const scores = new Map<number, { score: number; matched: number }>();
  for (const term of scoring) {
    const found = lookUp(prepared, term, highlight);
    const idf = Math.log(1 + (total - found.size + 0.5) / (found.size + 0.5));
    for (const [n, count] of found) {
      const norm = 1.2 * (0.25 + (0.75 * prepared.lengths[n]!) / prepared.averageLength);
      const entry = scores.get(n) ?? { score: 0, matched: 0 };
      entry.score += ((idf * count * 2.2) / (count + norm)) * rank(prepared.pages[n]!);
      if (required.includes(term)) entry.matched++;
      scores.set(n, entry);
    }
  }
  if (!scoring.length) prepared.pages.forEach((_, n) => scores.set(n, { score: 0, matched: 0 }));

  const candidates = [...scores]
    .filter(([n]) => {
      const page = prepared.pages[n]!;
      if (options.section && page.section !== options.section) return false;
      return q.phrases.every((phrase) => prepared.phraseText[n]!.includes(` ${phrase.join(' ')} `));
    })
    .map(([n, s]) => ({ n, ...s }));
  const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;
  const complete = candidates.filter((c) => c.matched === required.length).sort(byScore);
  const ranked =
    complete.length >= 3
      ? complete
      : [...complete, ...candidates.filter((c) => c.matched < required.length).sort((a, b) => b.matched - a.matched || byScore(a, b))];

  let hits: Hit[] = ranked.map((c) => ({
    page: prepared.pages[c.n]!,
    matched: c.matched,
    score: c.score,
    recommended: false,
    excerpt: excerpt(prepared.pages[c.n]!, highlight),
  }));
  // Archived pages stay findable but come after current ones, unless the search names them.
  const named = (page: IndexedPage) => required.length > 0 && required.every((t) => words(page.title).some((w) => stem(w) === t));
  const last = (h: Hit) => Boolean(h.page.archived) && !named(h.page);
  hits = [...hits.filter((h) => !last(h)), ...hits.filter(last)];

  // A best bet that leaves a word out of the search only counts if its page has that word too.
  const bet = bestBet(prepared, q, options, (url) => complete.some((c) => prepared.pages[c.n]!.url === url));
  if (bet) {
    const page = prepared.pages.find((p) => p.url === bet)!;
    const existing = hits.find((h) => h.page === page);
    hits = [
      { page, matched: existing?.matched ?? 0, score: existing?.score ?? 0, recommended: true, excerpt: existing?.excerpt ?? excerpt(page, highlight) },
      ...hits.filter((h) => h.page !== page),
    ];
  }
  return hits;
}

/**
 * The best bet for a query: one whose words are all in the query, with at
 * most one other meaningful word in the query (and then only if the page has
 * it too). The longest pattern wins.
 */
export function bestBet(prepared: Prepared, q: Query, options: SearchOptions = {}, hasEveryWord: (url: string) => boolean = () => false): string | undefined {
  const asked = new Set([...contentStems(q), ...q.phrases.flat().filter((w) => !stopWords.has(w)).map(stem)]);
  let best: { url: string; size: number } | undefined;
  for (const bet of prepared.bestBets) {
    const size = bet.stems.size;
    if (!size || size < asked.size - 1 || ![...bet.stems].every((s) => asked.has(s))) continue;
    if (size < asked.size && !hasEveryWord(bet.url)) continue;
    const page = prepared.pages.find((p) => p.url === bet.url);
    if (!page || (options.section && page.section !== options.section)) continue;
    if (!best || size > best.size) best = { url: bet.url, size };
  }
  return best?.url;
}

const longestExcerpt = 36;

/** The sentence of a page with the most of the query's words, cut around them if long, with those words marked. */
export function excerpt(page: IndexedPage, stems: ReadonlySet<string>): Segment[] {
  const sentences = [page.summary, ...page.text];
  const isHit = (word: string) => stems.has(stem(word));
  let best = page.summary;
  let bestCount = 0;
  for (const sentence of sentences) {
    const all = words(sentence);
    // A list item of two words says little on its own: a full sentence with as many of the words wins.
    const found = new Set(all.filter(isHit).map(stem)).size;
    const count = all.length < 5 ? found / 2 - 0.1 : found;
    if (count > bestCount) [best, bestCount] = [sentence, count];
  }
  const parts = best.match(/[\p{L}\p{N}'’]+|[^\p{L}\p{N}'’]+/gu) ?? [];
  const wordIndexes = parts.flatMap((p, i) => (/[\p{L}\p{N}]/u.test(p) ? [i] : []));
  let from = 0;
  let to = parts.length;
  if (wordIndexes.length > longestExcerpt) {
    const firstHit = wordIndexes.findIndex((i) => words(parts[i]!).some(isHit));
    const start = Math.max(0, Math.min(firstHit - 8, wordIndexes.length - longestExcerpt));
    from = wordIndexes[start]!;
    to = wordIndexes[start + longestExcerpt - 1]! + 1;
  }
  const segments: Segment[] = parts.slice(from, to).map((text) => ({ text, mark: /[\p{L}\p{N}]/u.test(text) && words(text).some(isHit) }));
  if (from > 0) segments.unshift({ text: '… ', mark: false });
  if (to < parts.length) segments.push({ text: ' …', mark: false });
  return segments;
}

/**
 * The query with each unknown word changed to the closest word on the site,
 * or undefined when every word is known or nothing is close.
 */
export function suggestSpelling(prepared: Prepared, query: string): string | undefined {
  let changed = false;
  const fixed = query.replace(/[\p{L}'’]+/gu, (word) => {
    const lower = normalise(word).replace(/'/g, '');
    if (stopWords.has(lower) || isKnown(prepared, lower)) return word;
    const fix = closestWord(lower, prepared.vocabulary);
    if (!fix) return word;
    changed = true;
    return fix;
  });
  return changed ? fixed : undefined;
}

export interface Answer {
  hits: Hit[];
  /** Set when the results are for a corrected spelling. */
  corrected?: string | undefined;
  /** True when the results are for a corrected spelling because the words as typed found nothing. */
  nothingAsTyped?: boolean;
  /** Set when nothing was found, not even for the closest spelling in this topic, but that spelling is on the site. */
  suggestion?: string | undefined;
}

/**
 * A search as the search page runs it: the query as typed, and if some of its
 * words are not on the site, the corrected query when that finds more.
 */
export function answer(prepared: Prepared, query: string, options: SearchOptions = {}): Answer {
  const hits = search(prepared, query, options);
  const corrected = suggestSpelling(prepared, query);
  if (!corrected) return { hits };
  const better = search(prepared, corrected, options);
  const best = (h: Hit[]) => Math.max(0, ...h.map((x) => x.matched + (x.recommended ? 1 : 0)));
  if (better.length && (!hits.length || best(better) > best(hits))) return { hits: better, corrected, nothingAsTyped: !hits.length };
  return hits.length ? { hits } : { hits, suggestion: corrected };
}
