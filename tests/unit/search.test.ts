import { describe, it, expect } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { closestWord, editDistance, suggestSpelling } from '../../src/lib/search/spelling.ts';
import { aliasesByUrl, urlFromPath } from '../../src/lib/search/synonyms.ts';
import { resultCountMessage } from '../../src/lib/search/results.ts';
import { stem, words } from '../../src/lib/search/text.ts';
import { answer, bestBet, contentWords, engineQuery, excerptSegments, markWords, parseQuery, type Engine, type Found, type Page } from '../../src/lib/search/query.ts';
import { pagefindEngine, type PagefindResult } from '../../src/lib/search/pagefind-engine.ts';
import { mainText, pageFacts, vocabularyOf } from '../../src/lib/search/page-facts.ts';
import { bestBetsSchema, searchSynonymsSchema } from '../../src/lib/schemas/search.ts';
import { glossary } from '../../src/lib/content/site-data.ts';
import bestBetsJson from '../../src/content/data/search-best-bets.json' with { type: 'json' };
import synonymsJson from '../../src/content/data/search-synonyms.json' with { type: 'json' };

const contentWordsOf = (query: string) => contentWords(parseQuery(query));
const vocabulary = ['review', 'commissioner', 'complaint', 'complaints', 'schedule', 'mayor', 'misconduct', 'free'];

describe('spelling correction', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('reveiw', 'review')).toBe(1);
    expect(editDistance('comissioner', 'commissioner')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('corrects a misspelt word to the closest word on the site', () => {
    expect(closestWord('reveiw', vocabulary)).toBe('review');
    expect(closestWord('Comissioner', vocabulary)).toBe('commissioner');
  });

  it('leaves known words, very short words and far-off words alone', () => {
    expect(closestWord('review', vocabulary)).toBeUndefined();
    expect(closestWord('fe', vocabulary)).toBeUndefined();
    expect(closestWord('bicycle', vocabulary)).toBeUndefined();
  });

  it('allows only one mistake in a word of up to six letters, and none in a word of three', () => {
    expect(closestWord('mayr', vocabulary)).toBe('mayor');
    expect(closestWord('sadiq', ['said'])).toBeUndefined();
    expect(closestWord('son', ['soon'])).toBeUndefined();
    expect(closestWord('fee', vocabulary)).toBeUndefined();
    expect(closestWord('misconduckt', vocabulary)).toBe('misconduct');
  });

  it('corrects each unknown word of a query and says when nothing changed', () => {
    expect(suggestSpelling('mayr  complant', vocabulary)).toBe('mayor  complaint');
    expect(suggestSpelling('mayor complaint', vocabulary)).toBeUndefined();
    // Question words and the start of a word on the site are left as typed.
    expect(suggestSpelling('how do I revi', vocabulary)).toBeUndefined();
  });
});

describe('search words', () => {
  it('join the forms people type with the forms pages use', () => {
    for (const [a, b] of [['replied', 'reply'], ['replies', 'reply'], ['searched', 'search'], ['stopped', 'stop'], ['complaints', 'complaint'], ['policing', 'police'], ['arrested', 'arrest']]) {
      expect(stem(a!), `${a} and ${b}`).toBe(stem(b!));
    }
    expect(stem('officer')).not.toBe(stem('office'));
  });

  it('read curly apostrophes, accents and capitals as plain letters', () => {
    expect(words('Don’t CAFÉ Met’s')).toEqual(['dont', 'cafe', 'mets']);
  });

  it('drop the words that only shape a question, unless nothing else is left', () => {
    expect(contentWordsOf('how long do I have to ask for a review')).toEqual(['long', 'ask', 'review']);
    expect(contentWordsOf('nobody has replied to my complaint')).toEqual(['nobody', 'replied', 'complaint']);
    expect(contentWordsOf('who can I')).toEqual(['who', 'can', 'i']);
  });

  it('keep quoted phrases together', () => {
    expect(parseQuery('“right of review” deadline')).toEqual({ loose: ['deadline'], phrases: [['right', 'of', 'review']] });
    expect(parseQuery('"28 days')).toEqual({ loose: [], phrases: [['28', 'days']] });
  });
});

/**
 * A fake engine with Pagefind's behaviour: a record is found when it has every
 * word of the query (by the start of a word, as Pagefind matches), scored by
 * how often they appear. Pages' search words are records of their own.
 */
interface FakeRecord extends Omit<Page, 'excerpt'> {
  text: string;
  alias?: boolean;
}
function fakeEngine(records: FakeRecord[]): Engine & { reads: number } {
  const engine = {
    reads: 0,
    async search(query: string, section?: string): Promise<Found[]> {
      const asked = query.toLowerCase().match(/[a-z0-9]+/g) ?? [];
      return records
        .map((r, n) => ({ r, n, has: words(`${r.title} ${r.text}`).map(stem) }))
        .filter(({ r, has }) => (!section || r.section === section) && asked.every((a) => has.some((w) => w.startsWith(stem(a)))))
        .map(({ r, n, has }) => ({
          id: String(n),
          score: asked.reduce((sum, a) => sum + has.filter((w) => w.startsWith(stem(a))).length, 0) / Math.sqrt(has.length),
          data: async () => {
            engine.reads++;
            return { ...r, alias: Boolean(r.alias), excerpt: [{ text: r.text, mark: false }] };
          },
        }))
        .sort((a, b) => b.score - a.score);
    },
  };
  return engine;
}
const record = (url: string, title: string, text: string, more: Partial<FakeRecord> = {}): FakeRecord => ({ url, title, text, archived: false, easyRead: false, ...more });
const records = [
  record('/review/', 'Your right of review', 'You must ask for a review within 28 days. Day 1 is the day after the outcome.'),
  record('/review/', 'Your right of review', 'appeal. challenge', { alias: true }),
  record('/updates/', 'Keeping you informed', 'The Met must update you at least every 28 days. If nobody has replied, ask who is dealing with it.'),
  record('/met/', 'Complaining about the Met', 'You can complain about any police officer. You can ask for a review later.'),
  record('/met/', 'Complaining about the Met', 'rude. rude officer', { alias: true }),
  record('/old/', 'Reward and Resolution (archived)', 'An old way the Met handled complaints about officers and reviews.', { archived: true }),
  record('/easy/', 'Your right of review: easy read', 'You can ask for a review.', { section: 'Easy read', easyRead: true }),
];
const bestBets = [{ url: '/updates/', queries: ['no reply'] }, { url: '/review/', queries: ['ask for a review'] }];
const siteWords = vocabularyOf(records.map((r) => `${r.title} ${r.text}`).join(' '));
const run = (query: string, section?: string, engine = fakeEngine(records)) => answer(engine, query, { section, data: async () => ({ words: siteWords, bestBets }) });
const urls = async (query: string, section?: string) => (await run(query, section)).hits.map((h) => h.page.url);

describe('the query layer around Pagefind', () => {
  it('asks the engine only for the words that carry meaning, and phrases in quotes', () => {
    expect(engineQuery(parseQuery('how long do I have to ask for a review'))).toBe('long ask review');
    expect(engineQuery(parseQuery('“right of review” deadline'))).toBe('deadline "right of review"');
  });

  it('joins a page with its own search words, so each page is listed once', async () => {
    expect(await urls('appeal')).toEqual(['/review/']);
    expect(await urls('rude')).toEqual(['/met/']);
    // Found by its text and by its search words: the page's own excerpt is kept.
    const hit = (await run('review')).hits.find((h) => h.page.url === '/review/')!;
    expect(hit.page.excerpt[0]!.text).toContain('within 28 days');
    expect((await urls('review')).filter((u) => u === '/review/')).toHaveLength(1);
  });

  it('falls back to pages with some of the words, most words first, when fewer than three have all', async () => {
    const found = await urls('nobody replied about my review');
    expect(found[0]).toBe('/updates/');
    expect(found).toContain('/review/');
  });

  it('keeps easy read pages below the full guide unless the search asks for easy read', async () => {
    const found = await urls('review');
    expect(found.indexOf('/easy/')).toBeGreaterThan(found.indexOf('/review/'));
    expect((await urls('easy read'))[0]).toBe('/easy/');
  });

  it('puts archived pages last unless their title is what was searched for', async () => {
    expect((await urls('met officer')).at(-1)).toBe('/old/');
    expect((await urls('reward and resolution'))[0]).toBe('/old/');
  });

  it('filters by topic', async () => {
    expect(await urls('review', 'Easy read')).toEqual(['/easy/']);
  });

  it('shows a best bet first and marks it, only when its words are the search', async () => {
    const hits = (await run('how do I ask for a review')).hits;
    expect(hits[0]).toMatchObject({ page: { url: '/review/' }, recommended: true });
    expect(hits.filter((h) => h.recommended)).toHaveLength(1);
    expect((await run('review')).hits.some((h) => h.recommended)).toBe(false);
    expect((await run('no reply')).hits[0]).toMatchObject({ page: { url: '/updates/' }, recommended: true });
  });

  it('matches best bets on meaningful words, allowing one more word only when the page has it', () => {
    const q = (text: string) => parseQuery(text);
    expect(bestBet(bestBets, q('how can I ask for a review'))?.url).toBe('/review/');
    expect(bestBet(bestBets, q('ask for a review deadline'))).toBeUndefined();
    expect(bestBet(bestBets, q('ask for a review deadline'), (url) => url === '/review/')?.url).toBe('/review/');
    expect(bestBet(bestBets, q('ask for a review about a very late deadline'), () => true)).toBeUndefined();
  });

  it('corrects the spelling of words that are not on the site, and says so', async () => {
    expect(await run('reveiw')).toMatchObject({ corrected: 'review', nothingAsTyped: true });
    expect((await run('reveiw')).hits[0]?.page.url).toBe('/review/');
    expect(await run('xyzzyplugh')).toEqual({ hits: [] });
  });

  it('reads only as many records as it needs', async () => {
    const many = Array.from({ length: 40 }, (_, n) => record(`/p${n}/`, `Page ${n}`, 'review'));
    const engine = fakeEngine(many);
    const { hits } = await answer(engine, 'review', { data: async () => ({ words: [], bestBets: [] }), limit: 12 });
    expect(hits).toHaveLength(12);
    expect(engine.reads).toBe(12);
  });
});

describe('Pagefind as the engine', () => {
  const result = (id: string, url: string, excerpt: string, meta: Record<string, string>): PagefindResult => ({ id, score: 1, data: async () => ({ url, excerpt, meta }) });
  it('turns results into pages, shows the summary for a page found by its search words, and passes the topic filter', async () => {
    let asked: unknown;
    const engine = pagefindEngine({
      search: async (query, options) => {
        asked = { query, options };
        return {
          results: [
            result('a', '/review/', 'ask for a <mark>review</mark> &amp; more', { title: 'Your right of review', section: 'Reviews' }),
            result('b', '/review/?search-words', 'appeal. <mark>review</mark>', { title: 'Your right of review', summary: 'How to ask for a review.', alias: 'yes' }),
            result('c', '/easy/', '', { title: 'Easy', easyread: 'yes', archived: 'yes' }),
          ],
        };
      },
    });
    const found = await Promise.all((await engine.search('review', 'Reviews')).map((f) => f.data()));
    expect(asked).toEqual({ query: 'review', options: { filters: { section: 'Reviews' } } });
    expect(found[0]).toEqual({ url: '/review/', title: 'Your right of review', section: 'Reviews', archived: false, easyRead: false, alias: false, excerpt: excerptSegments('ask for a <mark>review</mark> &amp; more') });
    expect(found[1]).toMatchObject({ url: '/review/', alias: true, excerpt: [{ text: 'How to ask for a review.', mark: false }] });
    expect(found[2]).toMatchObject({ easyRead: true, archived: true });
  });

  it('marks the words searched for in the summary of a page found by its search words', async () => {
    const hit = (await run('appeal')).hits[0]!;
    expect(hit.page.url).toBe('/review/');
    expect(markWords('Ask for a review, or reviews.', new Set(['review'].map(stem)))).toEqual([
      { text: 'Ask for a ', mark: false },
      { text: 'review', mark: true },
      { text: ', or ', mark: false },
      { text: 'reviews', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('keeps only text and marks from an excerpt', () => {
    expect(excerptSegments('ask for a <mark>review</mark> &amp; <b>more</b>')).toEqual([
      { text: 'ask for a ', mark: false },
      { text: 'review', mark: true },
      { text: ' & more', mark: false },
    ]);
  });
});

describe('reading a built page', () => {
  const html = `<html><head><meta name="description" content="How to ask &amp; when."><meta name="site-section" content="Help &amp; contacts"><meta name="archived" content="yes"></head><body>
    <nav>Menu</nav><main data-pagefind-body><h1>Right &amp; review</h1><p>Ask within 28 days.</p><script>var hidden = 1;</script><template><p>Nothing found</p></template></main></body></html>`;

  it('knows the title, topic, archived flag and summary', () => {
    expect(pageFacts(html, '/x/')).toEqual({ title: 'Right & review', section: 'Help & contacts', archived: true, summary: 'How to ask & when.' });
    expect(pageFacts('<body></body>', '/x/').title).toBe('/x/');
  });

  it('lists the words of the main content for spelling, without scripts or templates', () => {
    expect(vocabularyOf(mainText(html)).sort()).toEqual(['days', 'review', 'right', 'within']);
  });

  it('knows the page address of a built file', () => {
    expect(urlFromPath('guides/right-of-review/index.html')).toBe('/guides/right-of-review/');
  });
});

/** The source file of a page address, or undefined if none makes it. */
function sourceOf(url: string): string | undefined {
  const root = new URL('../../src/', import.meta.url);
  const slug = url.split('/').filter(Boolean);
  const candidates =
    slug[0] === 'guides' ? [`content/guides/${slug[1]}.mdx`]
    : slug[0] === 'easy-read' ? [`content/easy-read/${slug[1]}.mdx`]
    : slug.length === 1 ? [`content/pages/${slug[0]}.mdx`, `pages/${slug[0]}/index.astro`, `pages/${slug[0]}.astro`, `pages/${slug[0]}/[...status].astro`]
    : [`pages/${slug.join('/')}.astro`, `pages/${slug.join('/')}/index.astro`];
  return candidates.find((c) => existsSync(new URL(c, root)));
}

describe('search data', () => {
  const bestBets = bestBetsSchema.parse(bestBetsJson);
  const data = searchSynonymsSchema.parse(synonymsJson);

  it('points every best bet and synonym at a page that exists', () => {
    const urlsInData = [...bestBets.map((b) => b.url), ...data.synonyms.map((s) => s.url), ...data.people.map((p) => p.url)];
    expect(urlsInData.filter((url) => !sourceOf(url))).toEqual([]);
  });

  it('covers the everyday words people use for what the guides call something else', () => {
    const byUrl = aliasesByUrl(glossary, data, bestBets);
    expect(byUrl.get('/guides/complain-about-the-met/')).toEqual(expect.arrayContaining(['rude', 'arrested', 'stopped', 'searched', 'ombudsman', 'Met']));
    expect(byUrl.get('/guides/keeping-you-informed/')).toEqual(expect.arrayContaining(['no reply']));
    expect(byUrl.get('/guides/right-of-review/')).toEqual(expect.arrayContaining(['appeal']));
    expect(byUrl.get('/guides/raising-concerns-as-police-staff/')).toEqual(expect.arrayContaining(['whistleblower', 'speak up']));
  });

  it('refuses a person without a source and an "as of" date, and a best bet query used twice', () => {
    const person = { name: 'A Name', role: 'Commissioner', url: '/guides/complaints-about-the-commissioner/' };
    expect(searchSynonymsSchema.safeParse({ synonyms: [], people: [person] }).success).toBe(false);
    expect(
      searchSynonymsSchema.safeParse({ synonyms: [], people: [{ ...person, asOf: '2026-11-30', source: { title: 'A source', url: 'https://example.org/', accessed: '2026-11-30' } }] }).success,
    ).toBe(true);
    expect(searchSynonymsSchema.safeParse({ synonyms: [], people: [{ ...person, asOf: '2026-11-30', ownKnowledge: 'No source yet: the project\'s own knowledge.' }] }).success).toBe(true);
    expect(bestBetsSchema.safeParse([{ url: '/a/', queries: ['review'] }, { url: '/b/', queries: ['Review'] }]).success).toBe(false);
  });

  it('glossary synonyms point only at guides that exist and are current', () => {
    const guides = readdirSync(new URL('../../src/content/guides/', import.meta.url)).map((f) => f.replace(/\.mdx$/, ''));
    for (const entry of glossary) if (entry.guide) expect(guides, entry.id).toContain(entry.guide);
    expect(glossary.some((entry) => entry.guide === 'reward-and-resolution-2009')).toBe(false);
  });
});

describe('what the search page says', () => {
  it('announces the count, the words searched for and any topic', () => {
    expect(resultCountMessage({ query: 'review', count: 1 })).toBe('1 result for ‘review’.');
    expect(resultCountMessage({ query: 'review', count: 5, section: 'Help and contacts' })).toBe('5 results for ‘review’ in Help and contacts.');
    expect(resultCountMessage({ query: 'reveiw', corrected: 'review', nothingAsTyped: true, count: 3 })).toBe('No results for ‘reveiw’. Showing 3 results for ‘review’ instead.');
    expect(resultCountMessage({ query: 'comissioner rules', corrected: 'commissioner rules', count: 2 })).toBe('Showing 2 results for ‘commissioner rules’, the closest spelling to ‘comissioner rules’.');
    expect(resultCountMessage({ query: 'xyz', count: 0 })).toBe('No results for ‘xyz’. Try the suggestions below.');
  });
});
