/**
 * What the search build needs to know about a built page, read from the
 * page's own markup: its title, topic, whether it is archived, its one-line
 * summary, and the words it uses (for spelling suggestions).
 */
import { normalise, stopWords } from './text.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', hellip: '…', pound: '£' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return entities[name.toLowerCase()] ?? whole;
  });
}

const tidy = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
const metaContent = (html: string, name: string) => new RegExp(`<meta\\s+name="${name}"[^>]*\\scontent="([^"]*)"`).exec(html)?.[1];

export interface PageFacts {
  title: string;
  section?: string | undefined;
  archived: boolean;
  summary: string;
}

export function pageFacts(html: string, url: string): PageFacts {
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const section = metaContent(html, 'site-section');
  return {
    title: h1 ? tidy(h1[1]!) : url,
    section: section ? decodeEntities(section) : undefined,
    archived: metaContent(html, 'archived') === 'yes',
    summary: decodeEntities(metaContent(html, 'description') ?? ''),
  };
}

/** The text a reader sees in the page's main content, without scripts, templates and the like. */
export function mainText(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(html)?.[1] ?? '';
  return tidy(main.replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1>/gi, ' '));
}

/** Words worth suggesting as a spelling: longer than three letters and not a question word. */
export function vocabularyOf(text: string): string[] {
  const found = new Set<string>();
  for (const word of normalise(text).replace(/'/g, '').match(/[a-z]+/g) ?? []) if (word.length > 3 && !stopWords.has(word)) found.add(word);
  return [...found];
}
