/**
 * Issue 23, low 11: the body cap is sized for the longest text allowed in any script, and
 * the refusal counts characters: a request with every box full of Bengali is taken, one with
 * more characters than the boxes allow is refused as too long, in whatever script.
 */
import { describe, expect, it } from 'vitest';
import { handleRequestSubmission, submitProblems } from '../../src/lib/requests/submit.ts';
import { textFields } from '../../src/lib/requests/fields.ts';
import { maxBodyBytes } from '../../server/request-limits.mjs';
import type { RequestStore } from '../../src/lib/requests/store.ts';

const bengali = (n: number) => 'আমার চিঠি দরকার '.repeat(Math.ceil(n / 16)).slice(0, n);

function post(fields: Record<string, string>): Request {
  const body = new URLSearchParams(fields).toString();
  return new Request('http://127.0.0.1:4321/accessible-formats/request/submit/', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)) },
  });
}

const stored: unknown[] = [];
const services = {
  store: () => ({ add: async (request: unknown) => (stored.push(request), { reference: 'AF-2026-AAAAAAAA', request }) }) as unknown as RequestStore,
  notifier: () => undefined,
  minutesToWait: () => 0,
  log: () => {},
};

const full = (text: (n: number) => string) => ({
  documentTitle: text(textFields.documentTitle.max!),
  format: 'large-print',
  assistiveTechnology: text(textFields.assistiveTechnology.max!),
  name: text(textFields.name.max!),
  replyBy: 'email',
  email: 'jane@example.com',
  anythingElse: text(textFields.anythingElse.max!),
  website: '',
});

describe('the request form’s body cap', () => {
  it('takes every box full of Bengali', async () => {
    const fields = full(bengali);
    expect(new URLSearchParams(fields).toString().length).toBeGreaterThan(16 * 1024);
    expect(new URLSearchParams(fields).toString().length).toBeLessThanOrEqual(maxBodyBytes);
    const outcome = await handleRequestSubmission(post(fields), '127.0.0.1', services);
    expect(outcome).toMatchObject({ kind: 'redirect' });
  });

  it('refuses more characters than the boxes allow as too long, in plain letters too, saying how many', async () => {
    const outcome = await handleRequestSubmission(post({ ...full((n) => 'x'.repeat(n)), anythingElse: 'x'.repeat(20_000) }), '127.0.0.1', services);
    expect(outcome).toEqual({ kind: 'problem', problem: submitProblems.tooLong });
    expect(submitProblems.tooLong.body).toContain('2,000 characters');
  });
});
