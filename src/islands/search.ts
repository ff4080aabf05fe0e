/**
 * Site search on /search/. The page works without this script (it lists every
 * page A to Z); with it, the GET form searches in place, keeps the query in
 * the address bar, and announces only "Searching…" and then the number of
 * results. The index is fetched when the search box gets focus, or at once
 * when the page opens with a query.
 */
import { answer, prepare, type Hit, type Prepared, type SearchIndexFile } from '../lib/search/engine.ts';
import { resultCountMessage, searchingMessage } from '../lib/search/results.ts';

let index: Promise<Prepared> | undefined;

async function fetchIndex(): Promise<Prepared> {
  // The compressed copy is a quarter of the size on servers that do not compress; browsers unpack it themselves.
  const packed = 'DecompressionStream' in window;
  const response = await fetch(packed ? '/search/index.bin' : '/search/index.json');
  if (!response.ok || !response.body) throw new Error(`Search index: ${response.status}`);
  const body = packed ? new Response(response.body.pipeThrough(new DecompressionStream('gzip'))) : response;
  return prepare((await body.json()) as SearchIndexFile);
}

function loadIndex(): Promise<Prepared> {
  if (!index) {
    index = fetchIndex();
    // A failed load is tried again on the next search rather than remembered.
    index.catch(() => (index = undefined));
  }
  return index;
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
  for (const segment of hit.excerpt) quote.append(segment.mark ? element('mark', segment.text) : segment.text);
  item.append(quote);
  return item;
}

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-module="site-search"]');
  const byId = (id: string) => document.getElementById(id);
  const status = byId('search-status');
  const results = byId('search-results');
  const aToZ = byId('search-a-to-z');
  const fallback = byId('search-no-js');
  const none = byId('search-none');
  const spelling = byId('search-spelling');
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

  /** found: the results; [] for none (show suggestions); undefined for no search or failure (show A to Z). */
  const show = (message: string, found: Hit[] | undefined, query = '', suggestion?: string) => {
    results.replaceChildren();
    if (found?.length) results.append(element('ol'));
    results.firstElementChild?.append(...(found ?? []).map(resultItem));
    results.hidden = !found?.length;
    aToZ.hidden = Boolean(found?.length);
    none.hidden = found?.length !== 0;
    spelling.hidden = allTopics.hidden = true;
    if (suggestion) searchLink(spelling, suggestion);
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
      const found = answer(await loadIndex(), query, { section: sectionField.value });
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

  queryField.addEventListener('focus', () => void loadIndex().catch(() => {}));
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
