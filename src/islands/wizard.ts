/**
 * The routing wizard, enhanced. Every question and result is already a real
 * page that works without JavaScript (answers are links). This script turns
 * the answers into radios with a Continue button, swaps in the next page
 * without a full reload, keeps "Your answers" with Change links, and keeps the
 * answers in the address (?a=question:answer,...) so Back, Forward, reload and
 * shared links all show the same state. It reads copy only from the pages
 * themselves, so wording lives in one place: the flow data.
 */

interface Answered {
  nodeId: string;
  question: string;
  answerId: string;
  label: string;
}
interface WizardState {
  pairs: Answered[];
}

const heightMessage = 'where-to-complain:height';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const query = (pairs: readonly Answered[]) => (pairs.length ? `?a=${pairs.map((p) => `${p.nodeId}:${p.answerId}`).join(',')}` : '');

export function startWizard(): void {
  let wizard = document.querySelector<HTMLElement>('[data-module="wizard"]');
  if (!wizard || !('fetch' in window) || !('DOMParser' in window) || !history.pushState) return;
  document.body.classList.add('js-enabled');
  const base = wizard.dataset.base ?? '/where-to-complain/';
  const start = wizard.dataset.start ?? '';
  const embedded = window.parent !== window;
  const pathFor = (nodeId: string) => (nodeId === start ? base : `${base}${nodeId}/`);
  const nodeIdFromPath = (path: string) => path.slice(base.length).replace(/\/$/, '') || start;
  const baseTitle = document.title.replace(/^Error: /, '');
  let pairs: Answered[] = [];
  let pageTitle = baseTitle;
  const pages = new Map<string, Promise<Document>>();

  function fetchPage(nodeId: string): Promise<Document> {
    let page = pages.get(nodeId);
    if (!page) {
      page = fetch(pathFor(nodeId)).then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        return new DOMParser().parseFromString(await response.text(), 'text/html');
      });
      page.catch(() => pages.delete(nodeId));
      pages.set(nodeId, page);
    }
    return page;
  }

  /** Rebuilds answers from a shared or reloaded address, keeping only those that still lead here. */
  async function answersFromAddress(): Promise<Answered[]> {
    const raw = new URLSearchParams(location.search).get('a');
    if (!raw) return [];
    const found: Answered[] = [];
    let expected = start;
    for (const item of raw.split(',').slice(0, 20)) {
      const [nodeId = '', answerId = ''] = item.split(':');
      if (nodeId !== expected) break;
      const doc = await fetchPage(nodeId).catch(() => undefined);
      const link = doc?.querySelector<HTMLAnchorElement>(`[data-answer-id="${CSS.escape(answerId)}"]`);
      const question = doc?.querySelector('[data-question]')?.textContent?.trim();
      if (!link || !question) break;
      found.push({ nodeId, question, answerId, label: link.textContent?.trim() ?? answerId });
      expected = link.dataset.next ?? '';
    }
    return expected === nodeIdFromPath(location.pathname) ? found : [];
  }

  function postHeight(): void {
    if (embedded) window.parent.postMessage({ type: heightMessage, height: document.documentElement.scrollHeight }, '*');
  }

  /** Radios and a Continue button in place of the answer links, as a fieldset whose legend is the question. */
  function enhanceQuestion(selected?: string): void {
    const list = wizard!.querySelector<HTMLElement>('[data-answers]');
    const heading = wizard!.querySelector<HTMLElement>('[data-question]');
    if (!list || !heading) return;
    const hint = list.dataset.hintId ? document.getElementById(list.dataset.hintId) : null;
    const radios = el('div', { class: 'radios' });
    for (const link of list.querySelectorAll<HTMLAnchorElement>('[data-answer-id]')) {
      const id = `answer-${link.dataset.answerId}`;
      const input = el('input', { type: 'radio', name: 'answer', id, value: link.dataset.answerId ?? '', 'data-next': link.dataset.next ?? '' });
      input.checked = link.dataset.answerId === selected;
      radios.append(el('div', { class: 'radio' }, input, el('label', { for: id }, link.textContent?.trim() ?? '')));
    }
    const fieldset = el('fieldset', hint ? { 'aria-describedby': hint.id } : {}, el('legend', {}, heading));
    if (hint) fieldset.append(hint);
    fieldset.append(radios);
    const form = el('form', { class: 'wizard__form', novalidate: '' }, el('div', { class: 'form-group' }, fieldset), el('button', { class: 'button', type: 'submit' }, 'Continue'));
    list.replaceWith(form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const choice = form.querySelector<HTMLInputElement>('input[name="answer"]:checked');
      if (!choice) return showError(form, fieldset);
      const label = form.querySelector(`label[for="${choice.id}"]`)?.textContent ?? choice.value;
      const here = nodeIdFromPath(location.pathname);
      void go(choice.dataset.next ?? start, [...pairs, { nodeId: here, question: heading.textContent?.trim() ?? '', answerId: choice.value, label }], 'push');
    });
  }

  /** The GOV.UK error pattern: a summary that takes focus and links to the field, and the message beside it. */
  function showError(form: HTMLFormElement, fieldset: HTMLFieldSetElement): void {
    const firstRadio = form.querySelector<HTMLInputElement>('input[name="answer"]');
    form.querySelector('.error-summary')?.remove();
    const summary = el('div', { class: 'error-summary', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
      el('h2', { id: 'error-summary-title' }, 'There is a problem'),
      el('ul', {}, el('li', {}, el('a', { href: `#${firstRadio?.id ?? ''}` }, 'Select an answer'))));
    summary.querySelector('a')?.addEventListener('click', (event) => {
      event.preventDefault();
      firstRadio?.focus();
    });
    form.prepend(summary);
    if (!fieldset.querySelector('.error-message')) {
      fieldset.querySelector('legend')!.after(el('p', { class: 'error-message', id: 'answer-error' }, el('span', { class: 'visually-hidden' }, 'Error: '), 'Select an answer'));
      fieldset.setAttribute('aria-describedby', `${fieldset.getAttribute('aria-describedby') ?? ''} answer-error`.trim());
      fieldset.parentElement?.classList.add('form-group--error');
    }
    document.title = `Error: ${pageTitle}`;
    summary.focus();
    postHeight();
  }

  function renderAnswers(): void {
    const box = wizard!.querySelector<HTMLElement>('[data-your-answers]');
    if (!box) return;
    box.hidden = pairs.length === 0;
    box.replaceChildren();
    if (!pairs.length) return;
    const list = el('dl', { class: 'summary-list' });
    pairs.forEach((pair, index) => {
      const change = el('a', { href: pathFor(pair.nodeId) + query(pairs.slice(0, index)), 'data-change': String(index) }, 'Change', el('span', { class: 'visually-hidden' }, ` your answer to: ${pair.question}`));
      list.append(el('div', { class: 'summary-list__row' }, el('dt', {}, pair.question), el('dd', {}, pair.label), el('dd', { class: 'summary-list__change' }, change)));
    });
    box.append(el('h2', {}, 'Your answers'), list);
  }

  /** Points the Back link at the last question answered, with the answers before it. */
  function setBackLink(): void {
    const back = wizard!.querySelector<HTMLAnchorElement>('[data-back]');
    const last = pairs.at(-1);
    if (back && last) back.href = pathFor(last.nodeId) + query(pairs.slice(0, -1));
  }

  function render(selected?: string): void {
    if (wizard!.dataset.kind === 'question') enhanceQuestion(selected);
    renderAnswers();
    setBackLink();
    postHeight();
  }

  async function go(nodeId: string, nextPairs: Answered[], mode: 'push' | 'none', selected?: string): Promise<void> {
    const url = pathFor(nodeId) + query(nextPairs);
    let doc: Document;
    try {
      doc = await fetchPage(nodeId);
    } catch {
      location.href = url;
      return;
    }
    const next = doc.querySelector<HTMLElement>('[data-module="wizard"]');
    if (!next) {
      location.href = url;
      return;
    }
    const fresh = document.importNode(next, true);
    wizard!.replaceWith(fresh);
    wizard = fresh;
    pairs = nextPairs;
    pageTitle = doc.title;
    document.title = pageTitle;
    if (mode === 'push') history.pushState({ pairs } satisfies WizardState, '', url);
    render(selected);
    // Move focus to the new question or result, as a page load would for a screen reader user.
    wizard.querySelector<HTMLElement>('[data-question], [data-result]')?.focus();
  }

  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('[data-module="wizard"] a');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.hasAttribute('data-start-again')) {
      event.preventDefault();
      void go(start, [], 'push');
    } else if (link.hasAttribute('data-back') && pairs.length) {
      event.preventDefault();
      const last = pairs.at(-1)!;
      void go(last.nodeId, pairs.slice(0, -1), 'push', last.answerId);
    } else if (link.dataset.change !== undefined) {
      event.preventDefault();
      const index = Number(link.dataset.change);
      void go(pairs[index]!.nodeId, pairs.slice(0, index), 'push', pairs[index]!.answerId);
    }
  });

  window.addEventListener('popstate', (event) => {
    const state = event.state as WizardState | null;
    void go(nodeIdFromPath(location.pathname), state?.pairs ?? [], 'none');
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) postHeight();
  });
  if (embedded && 'ResizeObserver' in window) new ResizeObserver(postHeight).observe(document.body);

  void (async () => {
    const saved = history.state as WizardState | null;
    pairs = saved?.pairs ?? (await answersFromAddress());
    history.replaceState({ pairs } satisfies WizardState, '', pathFor(nodeIdFromPath(location.pathname)) + query(pairs));
    render();
  })();
}
