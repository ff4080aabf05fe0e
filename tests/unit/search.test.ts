import { describe, it, expect } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { closestWord, correctQuery, editDistance } from '../../src/lib/search/spelling.ts';
import { synonymsByUrl, urlFromPath } from '../../src/lib/search/synonyms.ts';
import { resultCountMessage } from '../../src/lib/search/results.ts';
import { stem, words } from '../../src/lib/search/text.ts';
import { answer, contentWords, excerpt, parseQuery, prepare, search, type IndexedPage, type SearchIndexFile } from '../../src/lib/search/engine.ts';
import { extractPage, sentences } from '../../src/lib/search/extract.ts';
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
    expect(correctQuery('mayr  complant', vocabulary)).toBe('mayor  complaint');
    expect(correctQuery('mayor complaint', vocabulary)).toBeUndefined();
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

const page = (url: string, title: string, text: string[], more: Partial<IndexedPage> = {}): IndexedPage => ({
  url,
  title,
  summary: `${title}.`,
  headings: [],
  extra: [],
  text,
  ...more,
});

const sample: SearchIndexFile = {
  version: 1,
  pages: [
    page('/review/', 'Your right of review', ['You must ask for a review within 28 days.', 'Day 1 is the day after the outcome.'], { extra: ['appeal'] }),
    page('/updates/', 'Keeping you informed', ['The Met must update you at least every 28 days.', 'If nobody has replied, ask who is dealing with it.']),
    page('/met/', 'Complaining about the Met', ['You can complain about any police officer.', 'You can ask for a review later.'], { extra: ['rude'] }),
    page('/old/', 'Reward and Resolution (archived)', ['An old way the Met handled complaints about officers.'], { archived: true }),
    page('/easy/', 'Your right of review: easy read', ['You can ask for a review.'], { section: 'Easy read', extra: ['easy read'], rank: 0.6 }),
  ],
  bestBets: [{ url: '/updates/', queries: ['no reply'] }],
};
const index = prepare(sample);
const urls = (query: string, options = {}) => search(index, query, options).map((h) => h.page.url);

describe('ranking', () => {
  it('ignores question words and finds the page with every remaining word first', () => {
    expect(urls('how long do I have to ask for a review within 28 days')[0]).toBe('/review/');
    expect(urls('police officer')[0]).toBe('/met/');
  });

  it('falls back to pages with some of the words, most words first, when fewer than three have all', () => {
    expect(urls('nobody replied about my review')).toEqual(['/updates/', '/review/', '/easy/', '/met/']);
  });

  it('counts titles and everyday synonyms above the body', () => {
    expect(urls('review')[0]).toBe('/review/');
    expect(urls('appeal')).toEqual(['/review/']);
    expect(urls('rude')).toEqual(['/met/']);
  });

  it('keeps easy read pages below the full guide unless the search asks for easy read', () => {
    expect(urls('review').indexOf('/easy/')).toBeGreaterThan(urls('review').indexOf('/review/'));
    expect(urls('easy read')[0]).toBe('/easy/');
  });

  it('puts archived pages last unless their title is what was searched for', () => {
    expect(urls('met complaints').at(-1)).toBe('/old/');
    expect(urls('reward and resolution')[0]).toBe('/old/');
  });

  it('needs an exact phrase in quotes to appear as written', () => {
    expect(urls('"every 28 days"')).toEqual(['/updates/']);
    expect(urls('"28 days every"')).toEqual([]);
  });

  it('finds words typed in part', () => {
    expect(urls('outc')).toEqual(['/review/']);
  });

  it('filters by topic', () => {
    expect(urls('review', { section: 'Easy read' })).toEqual(['/easy/']);
  });

  it('shows a best bet first and marks it, only when its words are the search', () => {
    const hits = search(index, 'no reply');
    expect(hits[0]).toMatchObject({ page: { url: '/updates/' }, recommended: true });
    expect(search(index, 'reply').some((h) => h.recommended)).toBe(false);
  });

  it('corrects the spelling of words that are not on the site, and says so', () => {
    expect(answer(index, 'reveiw')).toMatchObject({ corrected: 'review', nothingAsTyped: true });
    expect(answer(index, 'reveiw').hits[0]?.page.url).toBe('/review/');
    expect(answer(index, 'xyzzyplugh')).toEqual({ hits: [] });
  });
});

describe('result excerpts', () => {
  it('quote the sentence with the most of the words, and mark them', () => {
    const segments = excerpt(sample.pages[1]!, new Set(['repli', 'nobodi'].map(stem)));
    expect(segments.map((s) => s.text).join('')).toBe('If nobody has replied, ask who is dealing with it.');
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['nobody', 'replied']);
  });

  it('fall back to the summary when only synonyms matched', () => {
    expect(excerpt(sample.pages[2]!, new Set(['rude'])).map((s) => s.text).join('')).toBe('Complaining about the Met.');
  });

  it('cut a long sentence around the words, with an ellipsis', () => {
    const long = page('/long/', 'Long', [`${'word '.repeat(60)}deadline ${'word '.repeat(60)}end.`]);
    const text = excerpt(long, new Set(['deadlin'])).map((s) => s.text).join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text).toContain('deadline');
    expect(text.split(/\s+/).length).toBeLessThan(45);
  });
});

describe('reading a built page', () => {
  const html = `<html><head><meta name="site-section" content="Help &amp; contacts"><meta name="archived" content="yes"></head><body>
    <nav>Menu</nav><main data-pagefind-body><span class="caption">Help</span><h1>Right &amp; review</h1><p class="lead">How to ask.</p>
    <p class="meta">Last reviewed: today</p><h2 id="a">The deadline</h2><p>Ask within 28 days. Day 1 is the day after.</p>
    <ul><li>first point</li><li>second point</li></ul><script>var x = 1;</script>
    <section class="sources" aria-labelledby="s"><h2 id="s">Sources</h2><ul><li>Some document</li></ul></section></main></body></html>`;

  it('keeps title, topic, archived flag, headings and sentences, and leaves page furniture out', () => {
    expect(extractPage(html, '/x/', ['appeal'])).toEqual({
      url: '/x/',
      title: 'Right & review',
      section: 'Help & contacts',
      archived: true,
      summary: 'How to ask.',
      headings: ['The deadline'],
      extra: ['appeal'],
      text: ['Ask within 28 days.', 'Day 1 is the day after.', 'first point', 'second point'],
    });
  });

  it('refuses a page with no main element', () => {
    expect(() => extractPage('<body></body>', '/x/')).toThrow(/no <main>/);
  });

  it('splits sentences only where a new one starts', () => {
    expect(sentences('Ask MOPAC, e.g. by email. 28 days is the limit. Say “yes.” Then wait.')).toEqual(['Ask MOPAC, e.g. by email.', '28 days is the limit.', 'Say “yes.” Then wait.']);
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
    const byUrl = synonymsByUrl(glossary, data);
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
