/**
 * The site's own understanding of a search, as a thin layer around Pagefind.
 * Pagefind finds and ranks pages that have every word; this layer, before it,
 * drops the words that only shape a question ("how", "do", "I"), and after
 * it, puts a best bet first, keeps easy read and archived pages lower unless
 * asked for, joins a page with its own search words (synonyms and aliases,
 * indexed as a second record), falls back to pages with most of the words
 * when every word finds too little, and corrects unknown words from the
 * site's own vocabulary. The engine is passed in, so this runs the same with
 * Pagefind in the browser, in Node for the build tests, and with a fake in
 * unit tests.
 */
import type { BestBets } from '../schemas/search.ts';
import { suggestSpelling } from './spelling.ts';
import { normalise, stem, stopWords, words } from './text.ts';

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

/** What Pagefind is asked: the meaningful words, and each phrase in quotes. */
export function engineQuery(q: Query): string {
  return [...contentWords(q), ...q.phrases.map((p) => `"${p.join(' ')}"`)].join(' ');
}

const stemsOf = (q: Query) => new Set([...contentWords(q), ...q.phrases.flat().filter((w) => !stopWords.has(w))].map(stem));

/** A page as a result shows it. */
export interface Page {
  url: string;
  title: string;
  section?: string | undefined;
  archived: boolean;
  easyRead: boolean;
  /** A sentence from the page with the words marked, as [text, marked] pairs. */
  excerpt: Segment[];
}

export interface Segment {
  text: string;
  mark: boolean;
}

/** One record found by the engine: a page, or a page's search words. */
export interface Found {
  /** The same record has the same id in every search. */
  id: string;
  score: number;
  data(): Promise<Page & { alias: boolean }>;
}

export interface Engine {
  search(query: string, section?: string): Promise<Found[]>;
}

export interface Hit {
  page: Page;
  recommended: boolean;
}

export interface Answer {
  hits: Hit[];
  /** Set when the results are for a corrected spelling. */
  corrected?: string | undefined;
  /** True when the results are for a corrected spelling because the words as typed found nothing. */
  nothingAsTyped?: boolean;
  /** Set when nothing was found, not even for the closest spelling, but that spelling is on the site. */
  suggestion?: string | undefined;
}

/**
 * The best bet for a query: one whose words are all in the query, with at
 * most one other meaningful word in the query (and then only if the page has
 * it too). The longest pattern wins.
 */
export function bestBet(bets: BestBets, q: Query, hasEveryWord: (url: string) => boolean = () => false): { url: string; query: string } | undefined {
  const asked = stemsOf(q);
  let best: { url: string; query: string; size: number } | undefined;
  for (const bet of bets) {
    for (const query of bet.queries) {
      const stems = stemsOf(parseQuery(query));
      const size = stems.size;
      if (!size || size < asked.size - 1 || ![...stems].every((s) => asked.has(s))) continue;
      if (size < asked.size && !hasEveryWord(bet.url)) continue;
      if (!best || size > best.size) best = { url: bet.url, query, size };
    }
  }
  return best && { url: best.url, query: best.query };
}

/** Lower in the list unless the search names them: easy read pages (each guide links to its own) and archived ones. */
const easyReadWeight = 0.6;

interface Scored {
  found: Found;
  score: number;
  /** How many of the query's words the record has. */
  matched: number;
}

/**
 * Records in order, read, and joined by page: a page found only by its search
 * words shows its summary; a page found by both keeps its own excerpt and the
 * better place. Easy read pages count for less and archived pages go last,
 * unless the search names them.
 */
export async function resolve(records: Scored[], q: Query, limit: number): Promise<Page[]> {
  const read = await Promise.all(records.slice(0, limit).map(async (r) => ({ ...r, page: await r.found.data() })));
  const stems = stemsOf(q);
  const names = (text: string) => stems.size > 0 && [...stems].every((s) => words(text).some((w) => stem(w) === s));
  const byUrl = new Map<string, { page: Page; score: number; matched: number; alias: boolean }>();
  for (const r of read) {
    const weight = r.page.easyRead && !names(r.page.section ?? '') ? easyReadWeight : 1;
    const entry = { page: r.page, score: r.score * weight, matched: r.matched, alias: r.page.alias };
    const seen = byUrl.get(r.page.url);
    if (!seen) byUrl.set(r.page.url, entry);
    else {
      const better = entry.matched > seen.matched || (entry.matched === seen.matched && entry.score > seen.score);
      byUrl.set(r.page.url, {
        page: seen.alias && !entry.alias ? entry.page : seen.page,
        alias: seen.alias && entry.alias,
        score: better ? entry.score : seen.score,
        matched: Math.max(seen.matched, entry.matched),
      });
    }
  }
  const ordered = [...byUrl.values()]
    .sort((a, b) => b.matched - a.matched || b.score - a.score)
    // Found only by its search words: the summary, with the words searched for marked.
    .map((e) => (e.alias ? { ...e.page, excerpt: markWords(e.page.excerpt.map((x) => x.text).join(''), stems) } : e.page));
  const last = (p: Page) => p.archived && !names(p.title);
  return [...ordered.filter((p) => !last(p)), ...ordered.filter(last)];
}

/** What the layer knows besides Pagefind's index: written by the build to /search/query-data.json. */
export interface QueryData {
  /** The words used on the site, for spelling suggestions. */
  words: readonly string[];
  bestBets: BestBets;
}

export interface AnswerOptions {
  section?: string | undefined;
  /** Loaded alongside Pagefind. */
  data: () => Promise<QueryData>;
  /** How many records to read (each costs a small download). */
  limit?: number;
}

/** Each record is read once, however many searches find it. */
function reading(engine: Engine): Engine {
  const read = new Map<string, ReturnType<Found['data']>>();
  return {
    search: async (query, section) =>
      (await engine.search(query, section)).map((f) => ({
        ...f,
        data: () => {
          if (!read.has(f.id)) read.set(f.id, f.data());
          return read.get(f.id)!;
        },
      })),
  };
}

/** Every word, then (when that finds fewer than three) each word alone, most words first. */
async function find(engine: Engine, q: Query, section: string | undefined): Promise<{ all: Scored[]; records: Scored[] }> {
  const meaningful = contentWords(q);
  const all = (await engine.search(engineQuery(q), section)).map((found) => ({ found, score: found.score, matched: meaningful.length + q.phrases.length }));
  if (all.length >= 3 || meaningful.length + q.phrases.length < 2) return { all, records: all };
  const seen = new Set(all.map((r) => r.found.id));
  const some = new Map<string, Scored>();
  for (const word of meaningful) {
    for (const found of await engine.search(word, section)) {
      if (seen.has(found.id)) continue;
      const entry = some.get(found.id) ?? { found, score: 0, matched: 0 };
      entry.score += found.score;
      entry.matched++;
      some.set(found.id, entry);
    }
  }
  return { all, records: [...all, ...[...some.values()].sort((a, b) => b.matched - a.matched || b.score - a.score)] };
}

/**
 * A search as the search page runs it: the query as typed; when every word
 * together finds nothing, the closest spelling from the site's vocabulary if
 * that finds something; a best bet first.
 */
export async function answer(anyEngine: Engine, query: string, options: AnswerOptions): Promise<Answer> {
  const engine = reading(anyEngine);
  const limit = options.limit ?? 12;
  let q = parseQuery(query);
  if (!contentWords(q).length && !q.phrases.length) return { hits: [] };
  const [asTyped, { words: vocabulary, bestBets }] = await Promise.all([find(engine, q, options.section), options.data()]);
  let found = asTyped;
  let corrected: string | undefined;
  let nothingAsTyped = false;
  let suggestion: string | undefined;
  // A word that is not on the site may still find something (Pagefind matches loosely), so the closest spelling wins when it finds every word.
  const fixed = suggestSpelling(query, vocabulary);
  if (fixed) {
    const better = await find(engine, parseQuery(fixed), options.section);
    if (better.all.length || (!found.records.length && better.records.length)) {
      nothingAsTyped = !found.records.length;
      [found, q, corrected] = [better, parseQuery(fixed), fixed];
    } else if (!found.records.length) suggestion = fixed;
  }
  let pages = await resolve(found.records, q, limit);
  const wholeMatches = new Set((await resolve(found.all, q, limit)).map((p) => p.url));
  const bet = bestBet(bestBets, q, (url) => wholeMatches.has(url));
  let recommended: Page | undefined;
  if (bet) {
    recommended = pages.find((p) => p.url === bet.url);
    // Not among the results (too few of the words): its own search words find it.
    if (!recommended) {
      const forBet = (await engine.search(engineQuery(parseQuery(bet.query)), options.section)).map((f) => ({ found: f, score: f.score, matched: 1 }));
      recommended = (await resolve(forBet, parseQuery(bet.query), 3)).find((p) => p.url === bet.url);
    }
    if (recommended) pages = [recommended, ...pages.filter((p) => p.url !== bet.url)];
  }
  const hits = pages.map((page) => ({ page, recommended: page === recommended }));
  return { hits, ...(corrected ? { corrected, nothingAsTyped } : {}), ...(suggestion ? { suggestion } : {}) };
}

/** A text with each word whose stem was searched for marked. */
export function markWords(text: string, stems: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  for (const part of text.match(/[\p{L}\p{N}'’]+|[^\p{L}\p{N}'’]+/gu) ?? []) {
    const mark = /[\p{L}\p{N}]/u.test(part) && words(part).some((w) => stems.has(stem(w)));
    const last = segments.at(-1);
    if (last && !last.mark && !mark) last.text += part;
    else segments.push({ text: part, mark });
  }
  return segments;
}

/**
 * Pagefind's excerpt as text and marks only, so nothing else from the index
 * becomes markup: "<mark>review</mark> body" -> [review (marked), " body"].
 */
export function excerptSegments(html: string): Segment[] {
  const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _);
  const segments: Segment[] = [];
  for (const part of html.split(/(<mark>[\s\S]*?<\/mark>)/)) {
    if (!part) continue;
    const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
    segments.push({ text: decode((marked ? marked[1]! : part).replace(/<[^>]*>/g, '')), mark: Boolean(marked) });
  }
  return segments;
}
