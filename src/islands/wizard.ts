/**
 * The routing wizard, enhanced. Every question and result is already a real
 * page that works without JavaScript (answers are links). This script turns
 * the answers into radios with a Continue button, swaps in the next page
 * without a full reload, keeps "Your answers" with Change links, and keeps the
 * answers in the address (?a=question:answer,...) so Back, Forward, reload and
 * shared links all show the same state.
 *
 * Routing, the answers query and page paths come from the same pure modules
 * the pages are built with (engine.ts, urls.ts), driven by the flow's routing
 * graph (routing.ts). Result copy is read from each built page, so wording
 * lives in one place: the flow data.
 */
import { answerPairs, answeredSteps, nextNodeId, parseAnswersQuery, toAnswersQuery, walk, type FlowGraph, type Walk } from '../lib/flow/engine.ts';
import { parseRoutingGraph } from '../lib/flow/routing.ts';
import { nodeHref, nodeIdFromPath, nodePath } from '../lib/flow/urls.ts';

interface WizardState {
  answers: string[];
}

const heightMessage = 'where-to-complain:height';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The walk for these answers, or undefined when they no longer fit the flow (an old history entry). */
function tryWalk(graph: FlowGraph, answers: readonly string[]): Walk | undefined {
  try {
    return walk(graph, answers);
  } catch {
    return undefined;
  }
}

export function startWizard(): void {
  const first = document.querySelector<HTMLElement>('[data-module="wizard"]');
  if (!first || !('fetch' in window) || !('DOMParser' in window) || !history.pushState) return;
  const graphUrl = first.dataset.graph;
  if (!graphUrl) return;
  // Without the graph the plain answer links still work, so a failed load changes nothing.
  void fetch(graphUrl)
    .then((response) => (response.ok ? response.json() : undefined))
    .then((data: unknown) => {
      const graph = parseRoutingGraph(data);
      if (graph) run(first, graph);
    })
    .catch(() => undefined);
}

function run(initial: HTMLElement, graph: FlowGraph): void {
  let wizard = initial;
  document.body.classList.add('js-enabled');
  const base = wizard.dataset.base ?? '/where-to-complain/';
  const start = graph.start;
  const embedded = window.parent !== window;
  const here = () => nodeIdFromPath(base, location.pathname, start);
  const baseTitle = document.title.replace(/^Error: /, '');
  // The answers that led to the page shown. Empty also when a page was reached
  // from a plain link with no answers, so `leadsHere` is checked before use.
  let answers: string[] = [];
  let currentId = here();
  let pageTitle = baseTitle;
  const pages = new Map<string, Promise<Document>>();

  const leadsTo = (list: readonly string[], nodeId: string) => tryWalk(graph, list)?.current.id === nodeId;
  /** The address of a node, with the answers when they are the ones that lead to it. */
  const urlFor = (nodeId: string, list: readonly string[]) =>
    nodePath(base, nodeId, start) + (leadsTo(list, nodeId) ? toAnswersQuery(answerPairs(walk(graph, list).path)) : '');

  function fetchPage(nodeId: string): Promise<Document> {
    let page = pages.get(nodeId);
    if (!page) {
      page = fetch(nodePath(base, nodeId, start)).then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        return new DOMParser().parseFromString(await response.text(), 'text/html');
      });
      page.catch(() => pages.delete(nodeId));
      pages.set(nodeId, page);
    }
    return page;
  }

  /** Answers that lead to the page shown, from history or the address; none when they do not. */
  function answersForThisPage(saved: readonly string[] | undefined): string[] {
    const candidate = saved ?? parseAnswersQuery(graph, location.search);
    return leadsTo(candidate, here()) ? [...candidate] : [];
  }

  function postHeight(): void {
    if (embedded) window.parent.postMessage({ type: heightMessage, height: document.documentElement.scrollHeight }, '*');
  }

  /** Radios and a Continue button in place of the answer links, as a fieldset whose legend is the question. */
  function enhanceQuestion(selected?: string): void {
    const list = wizard.querySelector<HTMLElement>('[data-answers]');
    const heading = wizard.querySelector<HTMLElement>('[data-question]');
    if (!list || !heading) return;
    const hint = list.dataset.hintId ? document.getElementById(list.dataset.hintId) : null;
    const radios = el('div', { class: 'radios' });
    for (const link of list.querySelectorAll<HTMLAnchorElement>('[data-answer-id]')) {
      const id = `answer-${link.dataset.answerId}`;
      const input = el('input', { type: 'radio', name: 'answer', id, value: link.dataset.answerId ?? '' });
      input.checked = link.dataset.answerId === selected;
      const text = el('div', {}, el('label', { for: id }, link.textContent?.trim() ?? ''));
      const answerHint = link.parentElement?.querySelector('[data-answer-hint]')?.textContent?.trim();
      if (answerHint) {
        text.append(el('span', { class: 'radio__hint', id: `${id}-hint` }, answerHint));
        input.setAttribute('aria-describedby', `${id}-hint`);
      }
      radios.append(el('div', { class: 'radio' }, input, text));
    }
    const fieldset = el('fieldset', hint ? { 'aria-describedby': hint.id } : {}, el('legend', {}, heading));
    if (hint) fieldset.append(hint);
    fieldset.append(radios);
    const form = el('form', { class: 'wizard__form', novalidate: '' }, el('div', { class: 'form-group' }, fieldset), el('button', { class: 'button', type: 'submit' }, 'Continue'));
    list.replaceWith(form);
    const message = list.dataset.error ?? 'Select an answer';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const choice = form.querySelector<HTMLInputElement>('input[name="answer"]:checked');
      if (!choice) return showError(form, fieldset, message);
      const known = leadsTo(answers, currentId);
      void go(nextNodeId(graph, currentId, choice.value), known ? [...answers, choice.value] : [], 'push');
    });
  }

  /**
   * The GOV.UK error pattern: a summary at the top of the main content that takes
   * focus and links to the answers, and the same message, naming the question, beside them.
   */
  function showError(form: HTMLFormElement, fieldset: HTMLFieldSetElement, message: string): void {
    const firstRadio = form.querySelector<HTMLInputElement>('input[name="answer"]');
    removeErrorSummary();
    const summary = el('div', { class: 'error-summary', tabindex: '-1', 'aria-labelledby': 'error-summary-title', 'data-wizard-error': '' },
      el('h2', { id: 'error-summary-title' }, 'There is a problem'),
      el('ul', {}, el('li', {}, el('a', { href: `#${firstRadio?.id ?? ''}` }, message))));
    summary.querySelector('a')?.addEventListener('click', (event) => {
      event.preventDefault();
      firstRadio?.focus();
    });
    const main = wizard.closest('main') ?? wizard;
    main.prepend(summary);
    if (!fieldset.querySelector('.error-message')) {
      fieldset.querySelector('legend')!.after(el('p', { class: 'error-message', id: 'answer-error' }, el('span', { class: 'visually-hidden' }, 'Error: '), message));
      fieldset.setAttribute('aria-describedby', `${fieldset.getAttribute('aria-describedby') ?? ''} answer-error`.trim());
      fieldset.parentElement?.classList.add('form-group--error');
    }
    document.title = `Error: ${pageTitle}`;
    summary.focus();
    postHeight();
  }

  function removeErrorSummary(): void {
    document.querySelector('[data-wizard-error]')?.remove();
  }

  function renderAnswers(): void {
    const box = wizard.querySelector<HTMLElement>('[data-your-answers]');
    const walked = leadsTo(answers, currentId) ? walk(graph, answers) : walk(graph, []);
    const steps = answeredSteps(walked.path);
    const jump = wizard.querySelector<HTMLElement>('[data-your-answers-link]');
    if (jump) jump.hidden = steps.length === 0;
    if (!box) return;
    box.hidden = steps.length === 0;
    box.replaceChildren();
    if (!steps.length) return;
    const pairs = answerPairs(walked.path);
    const list = el('dl', { class: 'summary-list' });
    steps.forEach((step, index) => {
      const change = el('a', { href: nodeHref(base, step.node.id, start, pairs.slice(0, index)), 'data-change': String(index) }, 'Change', el('span', { class: 'visually-hidden' }, ` your answer to: ${step.node.question}`));
      list.append(el('div', { class: 'summary-list__row' }, el('dt', {}, step.node.question), el('dd', {}, step.answer.label), el('dd', { class: 'summary-list__change' }, change)));
    });
    box.append(el('h2', {}, 'Your answers'), list);
  }

  /** Points the Back link at the last question answered, with the answers before it. */
  function setBackLink(): void {
    const back = wizard.querySelector<HTMLAnchorElement>('[data-back]');
    if (back && answers.length && leadsTo(answers, currentId)) back.href = urlFor(walk(graph, answers.slice(0, -1)).current.id, answers.slice(0, -1));
  }

  function render(selected?: string): void {
    if (wizard.dataset.kind === 'question') enhanceQuestion(selected);
    renderAnswers();
    setBackLink();
    postHeight();
  }

  /** Goes back to an earlier point of the answers: the question they lead to, that question's answer chosen. */
  const goBackTo = (list: readonly string[], selected?: string) => go(walk(graph, list).current.id, [...list], 'push', selected);

  async function go(nodeId: string, nextAnswers: string[], mode: 'push' | 'none', selected?: string): Promise<void> {
    const url = urlFor(nodeId, nextAnswers);
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
    removeErrorSummary();
    const fresh = document.importNode(next, true);
    wizard.replaceWith(fresh);
    wizard = fresh;
    answers = nextAnswers;
    currentId = nodeId;
    pageTitle = doc.title;
    document.title = pageTitle;
    if (mode === 'push') history.pushState({ answers } satisfies WizardState, '', url);
    render(selected);
    // Move focus to the new question or result, as a page load would for a screen reader user.
    wizard.querySelector<HTMLElement>('[data-question], [data-result]')?.focus();
  }

  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('[data-module="wizard"] a');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.hasAttribute('data-start-again')) {
      event.preventDefault();
      void goBackTo([]);
    } else if (link.hasAttribute('data-back') && answers.length && leadsTo(answers, currentId)) {
      event.preventDefault();
      void goBackTo(answers.slice(0, -1), answers.at(-1));
    } else if (link.dataset.change !== undefined) {
      event.preventDefault();
      const index = Number(link.dataset.change);
      void goBackTo(answers.slice(0, index), answers[index]);
    }
  });

  window.addEventListener('popstate', (event) => {
    const state = event.state as WizardState | null;
    void go(here(), answersForThisPage(state?.answers), 'none');
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) postHeight();
  });
  if (embedded && 'ResizeObserver' in window) new ResizeObserver(postHeight).observe(document.body);

  const saved = history.state as WizardState | null;
  answers = answersForThisPage(Array.isArray(saved?.answers) ? saved.answers : undefined);
  history.replaceState({ answers } satisfies WizardState, '', urlFor(currentId, answers));
  render();
}
