import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { loadFlow } from '../../src/lib/flow/load.ts';
import { requireNode } from '../../src/lib/flow/engine.ts';
import type { QuestionNode, ResultNode } from '../../src/lib/flow/schema.ts';
import { situations } from '../support/wizard-situations.ts';
import { parseHtml } from '../support/built-dom.ts';
import { startServer, type RunningServer } from '../support/request-server.ts';

// The wizard with JavaScript off is one address per state: every question and result is a built
// page, and each answer is a plain link to the next one. So every situation in
// tests/support/wizard-situations.ts (however many there are) is walked here with plain HTTP
// requests to the built site's own server and a real HTML parser, as a browser with JavaScript off
// would follow the links. tests/e2e/wizard.spec.ts keeps a few of these walks in a browser, and
// the journeys with JavaScript on.
const flow = loadFlow();
const question = (id: string) => requireNode(flow, id) as QuestionNode;
const result = (id: string) => requireNode(flow, id) as ResultNode;
const results = flow.nodes.filter((n): n is ResultNode => n.kind === 'result');
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Hidden by the page itself (the hidden attribute on it or around it): not there for a reader. */
const shown = (el: Element | null) => Boolean(el) && !el!.closest('[hidden]');

let server: RunningServer;
const pages = new Map<string, { status: number; url: string; document: Document }>();

/** GETs a page once (many situations share their first steps), following redirects as a browser would. */
async function get(path: string) {
  const url = new URL(path, server.url).href;
  let page = pages.get(url);
  if (!page) {
    const response = await fetch(url);
    page = { status: response.status, url: response.url, document: parseHtml(await response.text()) };
    pages.set(url, page);
  }
  return page;
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe('the wizard with JavaScript off, by plain links', () => {
  it('has situations to walk, reaching every kind of result', () => {
    expect(situations.length).toBeGreaterThanOrEqual(48);
    expect(new Set(situations.map((s) => s.result)).size).toBeGreaterThan(20);
  });

  for (const situation of situations) {
    it(`"${situation.says}" reaches ${situation.result}`, async () => {
      let page = await get('/where-to-complain/');
      for (const pair of situation.answers) {
        const [nodeId, answerId] = pair.split(':') as [string, string];
        const q = question(nodeId);
        expect(page.status, `${page.url}`).toBe(200);
        expect(text(page.document.querySelector('h1')), `the question on ${page.url}`).toBe(q.question);
        const label = q.answers.find((a) => a.id === answerId)?.label;
        expect(label, `answer ${pair} is in the flow`).toBeDefined();
        // The link a person would follow: in the main content, named exactly by the answer.
        const links = [...page.document.querySelectorAll('main a[href]')].filter((a) => text(a) === label && shown(a));
        expect(links.length, `one link "${label}" on ${page.url}`).toBe(1);
        page = await get(new URL(links[0]!.getAttribute('href')!, page.url).href);
      }
      expect(page.status).toBe(200);
      expect(new URL(page.url).pathname).toBe(`/where-to-complain/${situation.result}/`);
      expect(text(page.document.querySelector('h1'))).toBe(result(situation.result).title);
      expect(shown(page.document.querySelector('main [data-main-action]')), 'a main action').toBe(true);
      const sources = [...page.document.querySelectorAll('main h2')].find((h) => text(h) === 'Sources');
      expect(shown(sources ?? null), 'a Sources heading').toBe(true);
    });
  }
});

describe('every result page', () => {
  it.each(results.map((r) => [r.id, r] as const))('%s shows when to act, its sources, and a main action', async (id, node) => {
    const { status, document } = await get(`/where-to-complain/${id}/`);
    expect(status).toBe(200);
    expect(text(document.querySelector('[data-by-when]'))).toBe(node.byWhen.replace(/\s+/g, ' ').trim());
    const action = document.querySelector('main [data-main-action]');
    expect(shown(action)).toBe(true);
    expect(text(action), 'the main action says what to do').not.toBe('');
    const sources = document.querySelector('main section.sources');
    expect(text(sources?.querySelector('h2'))).toBe('Sources');
    expect(sources?.querySelectorAll('li').length ?? 0, 'at least one source listed').toBeGreaterThan(0);
    // "Start again" sits just under the action, before the steps, so no one scrolls the whole page for it.
    const all = [...document.querySelectorAll('.wizard__shortcuts [data-start-again], .wizard__steps')];
    expect(all[0]?.matches('[data-start-again]'), 'Start again before the steps').toBe(true);
  });
});
