import { JSDOM } from 'jsdom';
import { builtHtml } from './built-pages.ts';

const cache = new Map<string, Document>();

/**
 * A built page parsed by a real HTML parser (jsdom, with no scripts run and nothing fetched),
 * parsed once per test file and kept: the checks on the built HTML read every page several times.
 */
export function builtDocument(path: string): Document {
  let document = cache.get(path);
  if (!document) {
    document = parseHtml(builtHtml(path));
    cache.set(path, document);
  }
  return document;
}

// One window serves every page: its DOMParser builds a document without scripts, styles or
// loads, several times faster than a new JSDOM window for each page.
let parser: DOMParser | undefined;

/** Parses HTML without running its scripts or loading anything it names. */
export function parseHtml(html: string): Document {
  const domParser = (parser ??= new new JSDOM('').window.DOMParser());
  return domParser.parseFromString(html, 'text/html');
}
