/**
 * Reads a built page into what search needs: title, topic, headings and
 * sentences from the main content. The pages are our own markup, so a few
 * patterns are enough; anything a reader would not see as the page's text
 * (scripts, the topic caption, the review date line) is left out.
 */
import type { IndexedPage } from './engine.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', hellip: '…', pound: '£' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return entities[name.toLowerCase()] ?? whole;
  });
}

const tidy = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();

/** Sentences of a block of text: split after . ! ? when a new sentence starts. */
export function sentences(block: string): string[] {
  return block.split(/(?<=[.!?])\s+(?=[“"‘(]?[A-Z0-9£])/).map((s) => s.trim()).filter(Boolean);
}

const metaContent = (html: string, name: string) =>
  new RegExp(`<meta\\s+name="${name}"[^>]*\\scontent="([^"]*)"`).exec(html)?.[1];

export function extractPage(html: string, url: string, extra: readonly string[] = [], section?: string): IndexedPage {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(html)?.[1];
  if (main === undefined) throw new Error(`Cannot index ${url}: the page has no <main>`);
  const body = main
    .replace(/<(script|style|svg|template|nav)\b[\s\S]*?<\/\1>/gi, ' ')
    // The topic caption, the review date and the easy read link are page furniture, not content.
    .replace(/<span class="caption">[\s\S]*?<\/span>/g, ' ')
    .replace(/<p class="(meta|easy-read-link)">[\s\S]*?<\/p>/g, ' ')
    // The list of sources backs the page up; its document titles would only add noise to results.
    .replace(/<section class="sources"[\s\S]*?<\/section>/g, ' ')
    .replace(/<[^>]+\sdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/(div|section|aside|p)>/g, ' ');
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(body);
  const title = h1 ? tidy(h1[1]!) : url;
  const lead = /<p class="lead">([\s\S]*?)<\/p>/.exec(body);
  const summary = lead ? tidy(lead[1]!) : (decodeEntities(metaContent(html, 'description') ?? '') || title);
  const headings = [...body.matchAll(/<h([2-4])\b[^>]*>([\s\S]*?)<\/h\1>/gi)].map((m) => tidy(m[2]!)).filter(Boolean);
  const withoutTop = body.replace(/<h1\b[\s\S]*?<\/h1>/i, ' ').replace(/<p class="lead">[\s\S]*?<\/p>/, ' ').replace(/<h([2-4])\b[\s\S]*?<\/h\1>/gi, ' ');
  const blocks = withoutTop
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|li|dt|dd|td|th|tr|caption|figcaption|blockquote|div|section|ul|ol|dl|table|details|summary|label|legend|option|button)\b[^>]*>/gi, '\n')
    .split('\n')
    .map(tidy)
    .filter((b) => /[\p{L}\p{N}]/u.test(b));
  const text = blocks.flatMap(sentences);
  const archived = metaContent(html, 'archived') === 'yes';
  const topic = section ?? (metaContent(html, 'site-section') ? decodeEntities(metaContent(html, 'site-section')!) : undefined);
  return {
    url,
    title,
    ...(topic ? { section: topic } : {}),
    ...(archived ? { archived } : {}),
    summary,
    headings,
    extra: [...extra],
    text,
  };
}
