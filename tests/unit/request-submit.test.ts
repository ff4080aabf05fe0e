// What a person gets back when the request form is posted, for every path through the
// handler the page calls: saved, mistakes, refusals and a database that fails.
import { afterEach, describe, expect, it } from 'vitest';
import { OutsideCalendarError } from '../../src/lib/dates/index.ts';
import { handleRequestSubmission, submitProblems, tooManyProblem, type SubmitProblem, type SubmitServices } from '../../src/lib/requests/submit.ts';
import type { RequestStore } from '../../src/lib/requests/store.ts';
import { sqliteStores, type OpenStores } from '../support/stores.ts';

const origin = 'http://127.0.0.1:4551';
const valid = {
  documentTitle: 'Your right of review',
  format: 'large-print',
  name: 'Sam Jones',
  replyBy: 'email',
  email: 'sam@example.com',
  phone: 'not a phone number',
  website: '',
};

function post(fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`${origin}/accessible-formats/request/submit/`, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...headers },
  });
}

let stores: OpenStores | undefined;
afterEach(async () => {
  await stores?.close();
  stores = undefined;
});

function services(overrides: Partial<SubmitServices> = {}): SubmitServices & { lines: string[] } {
  stores ??= sqliteStores(':memory:', { replyByFor: () => '2026-11-30' });
  const opened = stores;
  const lines: string[] = [];
  return { store: () => opened.requests, notifier: () => undefined, minutesToWait: () => 0, log: (line) => lines.push(line), lines, ...overrides };
}

describe('posting the request form', () => {
  it('stores a valid request and sends the person to its confirmation; boxes for other answers are ignored', async () => {
    const s = services();
    const outcome = await handleRequestSubmission(post(valid), '127.0.0.1', s);
    expect(outcome.kind).toBe('redirect');
    const location = outcome.kind === 'redirect' ? outcome.location : '';
    expect(location).toMatch(/^\/accessible-formats\/request\/confirmation\/\?ref=AF-2026-/);
    const [record] = await s.store().list();
    expect(record?.request).toMatchObject({ email: 'sam@example.com', replyBy: 'email' });
    expect(record?.request.phone).toBeUndefined();
  });

  it('shows the form again with its errors and what was typed, but never the honeypot', async () => {
    const outcome = await handleRequestSubmission(post({ ...valid, email: 'nope', website: 'http://spam.example' }), '127.0.0.1', services());
    expect(outcome).toMatchObject({ kind: 'invalid', status: 400, values: { email: 'nope' } });
    if (outcome.kind !== 'invalid') return;
    expect(outcome.values).not.toHaveProperty('website');
    expect(outcome.errors.map((e) => e.field)).toEqual(['email', 'website']);
  });

  it('sends a GET back to the form', async () => {
    const outcome = await handleRequestSubmission(new Request(`${origin}/accessible-formats/request/submit/`), '127.0.0.1', services());
    expect(outcome).toEqual({ kind: 'redirect', location: '/accessible-formats/request/' });
  });

  it('refuses what it cannot read, what is too long and a visitor over the limit, storing nothing', async () => {
    const s = services({ minutesToWait: (visitor) => (visitor === '203.0.113.9' ? 7 : 0) });
    const cases: [Request, string, SubmitProblem][] = [
      [post(valid, { 'Content-Type': 'text/plain' }), '127.0.0.1', submitProblems.unreadable],
      [post(valid, { 'Content-Length': String(40_000) }), '127.0.0.1', submitProblems.tooLong],
      [post({ ...valid, anythingElse: 'x'.repeat(20_000) }), '127.0.0.1', submitProblems.tooLong],
      [post(valid), '203.0.113.9', tooManyProblem(7)],
    ];
    for (const [request, address, expected] of cases) {
      expect(await handleRequestSubmission(request, address, s)).toEqual({ kind: 'problem', problem: expected });
    }
    expect(tooManyProblem(7).body).toContain('7 minutes');
    expect(await s.store().count()).toBe(0);
  });

  it('says the request was not saved when the database fails or no reply date can be promised, logging nothing typed', async () => {
    const failing = (error: Error): RequestStore => ({ ...services().store(), add: () => Promise.reject(error) });
    const down = services();
    const broken = failing(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    expect(await handleRequestSubmission(post(valid), '127.0.0.1', { ...down, store: () => broken })).toEqual({ kind: 'problem', problem: submitProblems.notSaved });
    const calendar = { coversFrom: '2025-01-01', coversTo: '2028-12-31', holidays: [] };
    const outside = failing(new OutsideCalendarError('2029-01-02', calendar));
    expect(await handleRequestSubmission(post(valid), '127.0.0.1', { ...down, store: () => outside })).toEqual({ kind: 'problem', problem: submitProblems.noReplyDate });
    expect(down.lines).toHaveLength(2);
    expect(down.lines.join('\n')).not.toMatch(/sam@example.com|Sam Jones/);
  });
});
