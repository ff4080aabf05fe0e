import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtHtml, builtPagePaths, clientDir } from './built-pages.ts';

export interface LinkProblem {
  page: string;
  href: string;
  problem: string;
}

const attr = (html: string, name: string) => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => decodeEntities(m[1] ?? ''));
/** Only links a person can follow: the href of each <a> element. */
const anchorHrefs = (html: string) => [...html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ''));
const decodeEntities = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** The file a site path is served from, or undefined if nothing is there. */
function fileFor(pathname: string): string | undefined {
  const candidates = pathname.endsWith('/') ? [join(clientDir, pathname, 'index.html')] : [join(clientDir, pathname), join(clientDir, pathname, 'index.html')];
  return candidates.find((c) => existsSync(c));
}

/** Checks every internal link and anchor on every built page; lists external links for a person to review. */
export function checkLinks(): { problems: LinkProblem[]; external: Map<string, string[]>; checked: number } {
  const idsByPage = new Map<string, Set<string>>();
  const pages = builtPagePaths();
  for (const page of pages) idsByPage.set(page, new Set(attr(builtHtml(page), 'id')));

  const problems: LinkProblem[] = [];
  const external = new Map<string, string[]>();
  let checked = 0;
  for (const page of pages) {
    for (const href of anchorHrefs(builtHtml(page))) {
      if (/^(mailto|tel):/.test(href)) continue;
      if (/^https?:\/\//.test(href)) {
        external.set(href, [...(external.get(href) ?? []), page]);
        continue;
      }
      checked++;
      const url = new URL(href, `http://site${page}`);
      // Search results pages take a query; the page itself must still exist.
      const target = url.pathname;
      if (!fileFor(target)) {
        problems.push({ page, href, problem: 'no page at this address' });
        continue;
      }
      if (url.hash) {
        const id = decodeURIComponent(url.hash.slice(1));
        const targetPage = target.endsWith('/') || target.endsWith('.html') ? target : `${target}/`;
        if (!idsByPage.get(targetPage)?.has(id)) problems.push({ page, href, problem: `no element with id "${id}"` });
      }
    }
  }
  return { problems, external, checked };
}

/** The pages one page links to on this site, as built page paths (no query or fragment). */
export function internalLinks(page: string): string[] {
  const targets = new Set<string>();
  for (const href of anchorHrefs(builtHtml(page))) {
    if (/^(mailto|tel|https?):/.test(href)) continue;
    const path = new URL(href, `http://site${page}`).pathname;
    if (fileFor(path)) targets.add(path.endsWith('/') || path.endsWith('.html') ? path : `${path}/`);
  }
  return [...targets];
}
