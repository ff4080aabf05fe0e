import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { mainText, pageFacts, vocabularyOf } from '../lib/search/page-facts.ts';
import { aliasesByUrl, urlFromPath, type SynonymSource } from '../lib/search/synonyms.ts';
import { searchWordsSuffix } from '../lib/search/pagefind-engine.ts';
import type { QueryData } from '../lib/search/query.ts';
import { bestBetsSchema, searchSynonymsSchema } from '../lib/schemas/search.ts';
import { parseDataFile } from '../lib/content/load-data.ts';
import bestBetsJson from '../content/data/search-best-bets.json' with { type: 'json' };
import synonymsJson from '../content/data/search-synonyms.json' with { type: 'json' };

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A value Pagefind reads from an attribute, so it is stored but not searched. */
const metaTag = (name: string, value: string, filter = false) =>
  `<meta data-pagefind-meta="${name}[content]"${filter ? ` data-pagefind-filter="${name}[content]"` : ''} content="${escapeHtml(value)}">`;
/** How much a page's search words count: as much as a second-level heading (Pagefind gives h1 7, h2 6). */
const aliasWeight = 6;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** Easy read pages are not in the topic lists, but people do search for "easy read". */
const easyRead = /^easy-read\/[^/]+\/index\.html$/;

/** Page furniture that is not the page's text: the topic caption, the review date, the easy read link, the sources list. */
const excludeSelectors = ['nav', 'template', 'svg', '.caption', 'p.meta', '.easy-read-link', 'section.sources'];

/**
 * Indexes the built site in root (dist/client): writes root/pagefind/ and
 * root/search/query-data.json. The bench runs it on larger synthetic copies of the site.
 */
export async function buildSearchIndex(root: string, glossary: readonly SynonymSource[], log: (message: string) => void = () => {}): Promise<void> {
  const started = performance.now();
  const synonymsData = parseDataFile('src/content/data/search-synonyms.json', searchSynonymsSchema, synonymsJson);
  const bestBets = parseDataFile('src/content/data/search-best-bets.json', bestBetsSchema, bestBetsJson);
  const aliases = aliasesByUrl(glossary, synonymsData, bestBets);

  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const vocabulary = new Set<string>();
  const indexed = new Map<string, ReturnType<typeof pageFacts>>();
  for (const path of (await htmlFiles(root)).map((f) => relative(root, f).split(sep).join('/')).sort()) {
    let html = await readFile(join(root, path), 'utf8');
    const isEasyRead = easyRead.test(path);
    if (!isEasyRead && !html.includes('data-pagefind-body')) continue;
    if (isEasyRead) {
      html = html
        .replace(/<main\b/, '<main data-pagefind-body')
        .replace('</head>', `${metaTag('section', 'Easy read', true)}${metaTag('easyread', 'yes')}</head>`);
    }
    // Pagefind joins the text of neighbouring list and table cells; a line break keeps their words apart.
    html = html.replace(/<\/(dt|dd|li|td|th|caption|figcaption|summary|label|legend)>/g, '$&\n');
    const url = urlFromPath(path);
    const added = await index.addHTMLFile({ url, content: html });
    if (added.errors.length) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
    for (const word of vocabularyOf(mainText(html))) vocabulary.add(word);
    indexed.set(url, { ...pageFacts(html, url), ...(isEasyRead ? { section: 'Easy read' } : {}) });
  }

  // A best bet or synonym that points nowhere would silently stop working; stop the build instead.
  const missing = [...aliases.keys()].filter((url) => !indexed.has(url));
  if (missing.length) throw new Error(`Search data points at pages that are not in the search index: ${missing.join(', ')}`);
  for (const [url, words] of aliases) {
    const page = indexed.get(url)!;
    const head = [
      metaTag('title', page.title),
      metaTag('summary', page.summary),
      page.section ? metaTag('section', page.section, true) : '',
      page.archived ? metaTag('archived', 'yes') : '',
      page.section === 'Easy read' ? metaTag('easyread', 'yes') : '',
    ].join('');
    // The words count for as much as a heading: they are what people call the page.
    const content = `<html lang="en"><head>${head}</head><body><main data-pagefind-body><p data-pagefind-weight="${aliasWeight}">${escapeHtml(words.join('. '))}</p></main></body></html>`;
    const added = await index.addHTMLFile({ url: url + searchWordsSuffix, content });
    if (added.errors.length) throw new Error(`Pagefind could not index the search words for ${url}: ${added.errors.join('; ')}`);
    for (const word of vocabularyOf(words.join(' '))) vocabulary.add(word);
  }

  const outputPath = join(root, 'pagefind');
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  await pagefind.close();
  // The site has its own search page; Pagefind's ready-made interfaces would only be dead weight.
  for (const file of await readdir(outputPath)) {
    if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file) || /^pagefind-.*\.css$/.test(file)) await rm(join(outputPath, file));
  }
  await mkdir(join(root, 'search'), { recursive: true });
  const queryData: QueryData = { words: [...vocabulary].sort(), bestBets };
  await writeFile(join(root, 'search', 'query-data.json'), JSON.stringify(queryData));
  log(`Pagefind indexed ${indexed.size} pages and ${aliases.size} sets of search words; ${vocabulary.size} words for spelling, in ${Math.round(performance.now() - started)} ms`);
}

/**
 * Builds the Pagefind index as the last step of `astro build`, through
 * Pagefind's Node API (as Starlight does), so `astro build` alone gives a
 * searchable site in dist/client/pagefind/. Pages opt in with
 * data-pagefind-body (the layout puts it on searchable pages); easy read pages
 * are added with their own topic. Everyday words for a page (glossary terms,
 * search-synonyms.json, office holders' names, best bet queries) are indexed
 * as a second, short record for the same address, so they find the page but
 * never show as its text. The site's words (for spelling suggestions)
 * and the best bets go to /search/query-data.json for the query layer.
 */
export function searchIndex(options: { glossary: readonly SynonymSource[] }): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => buildSearchIndex(fileURLToPath(dir), options.glossary, (message) => logger.info(message)),
    },
  };
}
