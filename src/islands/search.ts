/**
 * Site search on /search/. The page works without this script (it lists every
 * page A to Z); with it, the GET form searches in place with Pagefind's JS API
 * (through the site's query layer, src/lib/search/query.ts), keeps the query
 * in the address bar, and announces only "Searching…" and then the number of
 * results. Pagefind loads when the search box gets focus (or at once when the
 * page opens with a query), and preloads the index for the words as they are
 * typed.
 */
import { answer, type Hit, type QueryData } from '../lib/search/query.ts';
import { pagefindEngine, type PagefindApi } from '../lib/search/pagefind-engine.ts';
import { resultCountMessage, searchingMessage } from '../lib/search/results.ts';

interface Pagefind extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(query: string, options?: Record<string, unknown>): Promise<void>;
}

let pagefind: Promise<Pagefind> | undefined;
let queryData: Promise<QueryData> | undefined;
/** Each result's text is a small download (a Pagefind fragment): a few before the first result shows, the rest after. */
const firstResults = 4;
const allResults = 24;

/** Pagefind's own script, written by the build after the bundle (so the path is made at run time, for the bundler to leave alone). */
let importPagefind = (): Promise<Pagefind> => import(/* @vite-ignore */ ['', 'pagefind', 'pagefind.js'].join('/')) as Promise<Pagefind>;

function loadPagefind(): Promise<Pagefind> {
  if (!pagefind) {
    pagefind = importPagefind().then(async (module) => {
      // No worker: on a site this size starting one costs more than the search. Short excerpts.
      await module.options({ noWorker: true, excerptLength: 24, excerptEllipsis: '…' });
      await module.init();
      return module;
    });
    // A failed load is tried again on the next search rather than remembered.
    pagefind.catch(() => (pagefind = undefined));
  }
  return pagefind;
}

/** The site's words (for spelling) and best bets. Without them search still works, with neither. */
function loadQueryData(): Promise<QueryData> {
  if (!queryData) {
    queryData = fetch('/search/query-data.json').then((r) => (r.ok ? (r.json() as Promise<QueryData>) : { words: [], bestBets: [] }));
    queryData.catch(() => (queryData = undefined));
  }
  return queryData;
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (className) e.className = className;
  return e;
};

function resultItem(hit: Hit): HTMLLIElement {
  const item = element('li', undefined, hit.recommended ? 'search-recommended' : undefined);
  const heading = element('h2');
  const link = element('a', hit.page.title);
  link.href = hit.page.url;
  heading.append(link);
  item.append(heading);
  const labels = [hit.page.section, hit.page.archived ? 'Archived: out of date' : undefined].filter((l): l is string => Boolean(l));
  if (labels.length || hit.recommended) {
    const meta = element('p', labels.join(' · '), 'meta');
    if (hit.recommended) meta.prepend(element('strong', 'Recommended page', 'search-tag'), labels.length ? ' · ' : '');
    item.append(meta);
  }
  const quote = element('p');
  for (const segment of hit.page.excerpt) quote.append(segment.mark ? element('mark', segment.text) : segment.text);
  item.append(quote);
  return item;
}

/** options.importPagefind: where Pagefind comes from (the screen reader tests run it in Node). */
export function startSearch(options: { importPagefind?: () => Promise<Pagefind> } = {}): void {
  if (options.importPagefind) importPagefind = options.importPagefind;
  const form = document.querySelector<HTMLFormElement>('form[data-module="site-search"]');
  const byId = (id: string) => document.getElementById(id);
  const status = byId('search-status');
  const results = byId('search-results');
  const aToZ = byId('search-a-to-z');
  const fallback = byId('search-no-js');
  const none = byId('search-none');
  // A template, so the page never holds a link without words; the suggestion is made from it when needed.
  const spelling = byId('search-spelling') as HTMLTemplateElement | null;
  const allTopics = byId('search-all-topics');
  if (!form || !status || !results || !aToZ || !fallback || !none || !spelling || !allTopics || !('fetch' in window)) return;
  document.body.classList.add('js-enabled');
  const queryField = form.elements.namedItem('q') as HTMLInputElement;
  const sectionField = form.elements.namedItem('section') as HTMLSelectElement;
  let latest = 0;

  const searchLink = (holder: HTMLElement, query: string) => {
    const link = holder.querySelector('a')!;
    link.href = `/search/?q=${encodeURIComponent(query)}`;
    const words = holder.querySelector('[data-query]');
    if (words) words.textContent = query;
    holder.hidden = false;
  };

  /** The list of results; when it already starts with these pages (the first few, shown early), only the rest is added. */
  const list = (found: Hit[]) => {
    const shown = [...results.querySelectorAll<HTMLAnchorElement>('li h2 a')].map((a) => a.getAttribute('href'));
    const keep = shown.length > 0 && shown.length <= found.length && shown.every((url, i) => url === found[i]!.page.url && results.querySelectorAll('li')[i]!.classList.contains('search-recommended') === found[i]!.recommended);
    if (!keep) results.replaceChildren(element('ol'));
    results.firstElementChild!.append(...found.slice(keep ? shown.length : 0).map(resultItem));
    results.hidden = false;
  };

  /** found: the results; [] for none (show suggestions); undefined for no search or failure (show A to Z). */
  const show = (message: string, found: Hit[] | undefined, query = '', suggestion?: string) => {
    if (found?.length) list(found);
    else results.replaceChildren();
    results.hidden = !found?.length;
    aToZ.hidden = Boolean(found?.length);
    none.hidden = found?.length !== 0;
    allTopics.hidden = true;
    document.getElementById('search-spelling-item')?.remove();
    if (suggestion) {
      const item = spelling.content.firstElementChild!.cloneNode(true) as HTMLElement;
      item.id = 'search-spelling-item';
      searchLink(item, suggestion);
      spelling.after(item);
    }
    if (found?.length === 0 && sectionField.value) searchLink(allTopics, query);
    // Set once, after the list is in place: the polite region then speaks only the count.
    status.textContent = message;
  };

  const run = async (): Promise<void> => {
    const params = new URLSearchParams(location.search);
    const query = (params.get('q') ?? '').trim();
    const section = params.get('section') ?? '';
    queryField.value = query;
    sectionField.value = [...sectionField.options].some((o) => o.value === section) ? section : '';
    const thisRun = ++latest;
    if (!query) {
      show(params.has('q') ? 'Enter a word or phrase to search for.' : '', undefined);
      return;
    }
    // Until search answers, the A to Z list would look like the results.
    status.textContent = searchingMessage;
    aToZ.hidden = results.hidden = none.hidden = true;
    try {
      const engine = pagefindEngine(await loadPagefind());
      const options = { section: sectionField.value || undefined, data: loadQueryData };
      // The first few results show as soon as their text arrives; the rest follow, and then the count is announced.
      const early = await answer(engine, query, { ...options, limit: firstResults });
      if (thisRun !== latest) return;
      if (early.hits.length) list(early.hits);
      const found = await answer(engine, query, { ...options, limit: allResults });
      if (thisRun !== latest) return;
      const { hits, corrected, nothingAsTyped, suggestion } = found;
      show(resultCountMessage({ query, corrected, nothingAsTyped, count: hits.length, section: sectionField.value }), hits, query, suggestion);
      fallback.classList.remove('search-fallback--shown');
    } catch {
      if (thisRun !== latest) return;
      fallback.classList.add('search-fallback--shown');
      show('Search is not working at the moment. Every page is listed below.', undefined);
    }
  };

  queryField.addEventListener('focus', () => {
    void loadPagefind().catch(() => {});
    void loadQueryData().catch(() => {});
  });
  // Fetch the index chunks for the words as they are typed, so the search itself has little left to load.
  queryField.addEventListener('input', () => {
    const words = queryField.value.trim();
    if (words) void loadPagefind().then((pf) => pf.preload(words), () => {});
  });
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
