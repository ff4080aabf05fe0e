import { describe, it, expect } from 'vitest';
import { closestWord, correctQuery, editDistance } from '../../src/lib/spelling.ts';
import { guideIdFromPath, synonymsByGuide, vocabularyOf, withSynonyms } from '../../src/lib/search-synonyms.ts';
import { orderCurrentFirst, resultCountMessage } from '../../src/lib/search-results.ts';
import { glossary } from '../../src/lib/site-data.ts';
import { readdirSync } from 'node:fs';

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

  it('allows only one mistake in a short word', () => {
    expect(closestWord('fee', vocabulary)).toBe('free');
    expect(closestWord('fxx', vocabulary)).toBeUndefined();
  });

  it('corrects each unknown word of a query and says when nothing changed', () => {
    expect(correctQuery('mayr  complant', vocabulary)).toBe('mayor  complaint');
    expect(correctQuery('mayor complaint', vocabulary)).toBeUndefined();
  });
});

describe('search synonyms from the glossary', () => {
  it('send "appeal" to the right-of-review guide and "speak up" to the staff guide', () => {
    const byGuide = synonymsByGuide(glossary);
    expect(byGuide.get('right-of-review')).toContain('appeal');
    expect(byGuide.get('raising-concerns-as-police-staff')).toContain('speak up');
    expect(byGuide.get('complain-about-the-met')).toEqual(expect.arrayContaining(['Met', 'police officer', 'police watchdog']));
  });

  it('point only at guides that exist and are current', () => {
    const guides = readdirSync(new URL('../../src/content/guides/', import.meta.url)).map((f) => f.replace(/\.mdx$/, ''));
    for (const entry of glossary) if (entry.guide) expect(guides, entry.id).toContain(entry.guide);
    expect(glossary.some((entry) => entry.guide === 'reward-and-resolution-2009')).toBe(false);
  });

  it('are added inside the main content of the indexed copy, escaped', () => {
    const html = '<body><main data-pagefind-body><h1>Review</h1></main><footer>x</footer></body>';
    const indexed = withSynonyms(html, ['appeal', '<script>']);
    expect(indexed).toContain('<p data-pagefind-weight="6">Also known as: appeal, &lt;script&gt;.</p></main>');
    expect(withSynonyms(html, [])).toBe(html);
  });

  it('refuse a page with no main element rather than index words in the wrong place', () => {
    expect(() => withSynonyms('<body></body>', ['appeal'])).toThrow(/no <\/main>/);
  });

  it('know which built files are guides', () => {
    expect(guideIdFromPath('guides/right-of-review/index.html')).toBe('right-of-review');
    expect(guideIdFromPath('topics/help/index.html')).toBeUndefined();
  });

  it('build the spelling vocabulary from the main content only', () => {
    const words = vocabularyOf('<nav>Navigation</nav><main><h1>Right of review</h1><p>Ask MOPAC&nbsp;today.</p></main>');
    expect(words).toEqual(expect.arrayContaining(['right', 'review', 'mopac', 'today']));
    expect(words).not.toContain('navigation');
  });
});

describe('search results', () => {
  it('put archived pages after current ones, keeping the order otherwise', () => {
    const ordered = orderCurrentFirst([
      { id: 'old', archived: true },
      { id: 'a', archived: false },
      { id: 'b', archived: false },
    ]);
    expect(ordered.map((p) => p.id)).toEqual(['a', 'b', 'old']);
  });

  it('announce the count, the words searched for and any topic', () => {
    expect(resultCountMessage({ query: 'review', count: 1 })).toBe('1 result for ‘review’.');
    expect(resultCountMessage({ query: 'review', count: 5, section: 'Help and contacts' })).toBe('5 results for ‘review’ in Help and contacts.');
    expect(resultCountMessage({ query: 'reveiw', corrected: 'review', count: 3 })).toBe('No results for ‘reveiw’. Showing 3 results for ‘review’ instead.');
    expect(resultCountMessage({ query: 'xyz', count: 0 })).toMatch(/^No results for ‘xyz’\. Check the spelling/);
  });
});
