/**
 * Site search on /search/. The page works without this script (it lists every
 * page A to Z); with it, the GET form runs Pagefind in place, keeps the query
 * in the address bar, and announces only the number of results.
 */
import { correctQuery } from '../lib/spelling.ts';
import { resultCountMessage, orderCurrentFirst, type FoundPage } from '../lib/search-results.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const maxResults = 20;
let pagefind: Promise<Pagefind> | undefined;
let vocabulary: Promise<string[]> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`).then(async (module: Pagefind) => {
    await module.options({ excerptLength: 24 });
    return module;
  });
  return pagefind;
}

function loadVocabulary(): Promise<string[]> {
  vocabulary ??= fetch('/pagefind/vocabulary.json').then((r) => (r.ok ? (r.json() as Promise<string[]>) : []));
  return vocabulary;
}

/** Rebuilds Pagefind's excerpt from text and <mark> only, so nothing else from the index becomes markup. */
function excerptNode(excerpt: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  const safe = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      safe.append(mark);
    } else safe.append(document.createTextNode(node.textContent ?? ''));
  }
  return safe;
}

function resultItem(page: FoundPage): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = page.url;
  link.textContent = page.title;
  heading.append(link);
  item.append(heading);
  const labels = [page.section, page.archived ? 'Archived: out of date' : undefined].filter(Boolean);
  if (labels.length) {
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = labels.join(' · ');
    item.append(meta);
  }
  const excerpt = document.createElement('p');
  excerpt.append(excerptNode(page.excerpt));
  item.append(excerpt);
  return item;
}

async function find(query: string, section: string): Promise<FoundPage[]> {
  const engine = await loadPagefind();
  const search = await engine.search(query, section ? { filters: { section } } : {});
  const data = await Promise.all(search.results.slice(0, maxResults).map((r) => r.data()));
  return orderCurrentFirst(
    data.map((d) => ({ url: d.url, title: d.meta.title ?? d.url, excerpt: d.excerpt, section: d.meta.section, archived: d.meta.archived === 'yes' })),
  );
}

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-module="site-search"]');
  const status = document.getElementById('search-status');
  const results = document.getElementById('search-results');
  const aToZ = document.getElementById('search-a-to-z');
  const fallback = document.getElementById('search-no-js');
  if (!form || !status || !results || !aToZ || !fallback || !('fetch' in window)) return;
  document.body.classList.add('js-enabled');
  const fallbackNotice: HTMLElement = fallback;
  const queryField = form.elements.namedItem('q') as HTMLInputElement;
  const sectionField = form.elements.namedItem('section') as HTMLSelectElement;
  let latest = 0;

  const show = (message: string, found: FoundPage[] | undefined) => {
    results.replaceChildren();
    if (found && found.length) {
      const list = document.createElement('ol');
      list.append(...found.map(resultItem));
      results.append(list);
    }
    results.hidden = !found?.length;
    aToZ.hidden = Boolean(found?.length);
    // Set once, after the list is in place: the polite region then speaks only the count.
    status.textContent = message;
  };

  async function run(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const query = (params.get('q') ?? '').trim();
    const section = params.get('section') ?? '';
    queryField.value = query;
    sectionField.value = [...sectionField.options].some((o) => o.value === section) ? section : '';
    const run = ++latest;
    if (!query) {
      show(params.has('q') ? 'Enter a word or phrase to search for.' : '', undefined);
      return;
    }
    try {
      let found = await find(query, sectionField.value);
      let corrected: string | undefined;
      if (found.length === 0) {
        corrected = correctQuery(query, await loadVocabulary());
        if (corrected) found = await find(corrected, sectionField.value);
      }
      if (run !== latest) return;
      show(resultCountMessage({ query, corrected, count: found.length, section: sectionField.value }), found);
      fallbackNotice.classList.remove('search-fallback--shown');
    } catch {
      if (run !== latest) return;
      fallbackNotice.classList.add('search-fallback--shown');
      show('Search is not working at the moment. Every page is listed below.', undefined);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    params.set('q', queryField.value.trim());
    if (sectionField.value) params.set('section', sectionField.value);
    history.pushState(null, '', `${location.pathname}?${params}`);
    void run();
  });
  // Back and Forward, and pages restored from the back-forward cache, show the search for their own address.
  window.addEventListener('popstate', () => void run());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) void run();
  });
  void run();
}
