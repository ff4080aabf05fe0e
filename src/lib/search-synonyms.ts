/**
 * Search synonyms come from the glossary: each term names the guide that
 * explains it best, and that guide is indexed with the term, its other
 * spellings and the everyday words people type ("appeal" for "review").
 * The words are added to the copy of the page that Pagefind reads, never to
 * the page people see.
 */

export interface SynonymSource {
  term: string;
  aliases: readonly string[];
  searchSynonyms: readonly string[];
  guide?: string | undefined;
}

/** Guide id -> the extra words that should find it. */
export function synonymsByGuide(entries: readonly SynonymSource[]): Map<string, string[]> {
  const byGuide = new Map<string, string[]>();
  for (const entry of entries) {
    if (!entry.guide) continue;
    const words = byGuide.get(entry.guide) ?? [];
    for (const word of [entry.term, ...entry.aliases, ...entry.searchSynonyms]) if (!words.includes(word)) words.push(word);
    byGuide.set(entry.guide, words);
  }
  return byGuide;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** How strongly a synonym counts against words in the page itself (headings are about 5 to 7). */
export const synonymWeight = 6;

/** Adds an indexed line of synonyms at the end of the page's searchable body. */
export function withSynonyms(html: string, words: readonly string[]): string {
  if (words.length === 0) return html;
  const closing = html.lastIndexOf('</main>');
  if (closing < 0) throw new Error('Cannot add search synonyms: the page has no </main>');
  const line = `<p data-pagefind-weight="${synonymWeight}">Also known as: ${words.map(escapeHtml).join(', ')}.</p>`;
  return html.slice(0, closing) + line + html.slice(closing);
}

/** The guide id for a built page path such as "guides/right-of-review/index.html". */
export function guideIdFromPath(relativePath: string): string | undefined {
  return /^guides\/([^/]+)\/index\.html$/.exec(relativePath.split('\\').join('/'))?.[1];
}

/** The words of a page's main content, for the "did you mean" vocabulary. */
export function vocabularyOf(html: string): string[] {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ?? '';
  const text = main.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  return [...new Set(text.toLowerCase().match(/[a-z][a-z'’-]{3,}/g) ?? [])].map((w) => w.replace(/['’-]+$/, ''));
}
