import { describe, expect, it } from 'vitest';
import {
  cameOverHttps,
  checkCsrf,
  isStaffPath,
  maxStaffFormBytes,
  needsSession,
  readForm,
  sessionCookieOptions,
  staffResponseHeaders,
} from '../../src/lib/staff/guard';
import { csrfTokenMatches, hashSessionId, isToken, newToken } from '../../src/lib/staff/tokens';
import { BodyTooLargeError } from '../../src/lib/limits/body.ts';

const form = 'application/x-www-form-urlencoded';

describe('tokens', () => {
  it('are 32 random bytes as 43 base64url characters, different every time', () => {
    const tokens = new Set(Array.from({ length: 500 }, newToken));
    expect(tokens.size).toBe(500);
    for (const token of tokens) {
      expect(isToken(token)).toBe(true);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    for (const bad of [undefined, null, 42, '', 'short', `${newToken()}x`, `${newToken().slice(0, 42)}!`]) expect(isToken(bad)).toBe(false);
  });

  it('are stored as a SHA-256 that does not contain them', () => {
    const id = newToken();
    expect(hashSessionId(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionId(id)).toBe(hashSessionId(id));
    expect(hashSessionId(id)).not.toContain(id);
  });
});

describe('the CSRF check', () => {
  const token = newToken();

  it('accepts only the session’s own token', () => {
    expect(csrfTokenMatches(token, token)).toBe(true);
    expect(csrfTokenMatches(token, newToken())).toBe(false);
    expect(csrfTokenMatches(token, token.slice(0, -1))).toBe(false);
    expect(csrfTokenMatches(token, `${token} `)).toBe(false);
    expect(csrfTokenMatches(token, token.toUpperCase())).toBe(false);
    for (const missing of [undefined, null, '', 0, [token]]) expect(csrfTokenMatches(token, missing)).toBe(false);
    // An empty expected token (a broken session) matches nothing, not even another empty one.
    expect(csrfTokenMatches('', '')).toBe(false);
  });

  it('needs a URL-encoded form with the token in the field "csrf"', () => {
    expect(checkCsrf(token, form, new URLSearchParams({ csrf: token, status: 'sent' }))).toEqual({ ok: true });
    expect(checkCsrf(token, `${form}; charset=UTF-8`, new URLSearchParams({ csrf: token }))).toEqual({ ok: true });
    expect(checkCsrf(token, form, new URLSearchParams({ status: 'sent' }))).toEqual({ ok: false, reason: 'missing' });
    expect(checkCsrf(token, form, new URLSearchParams({ csrf: '' }))).toEqual({ ok: false, reason: 'missing' });
    expect(checkCsrf(token, form, new URLSearchParams({ csrf: newToken() }))).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkCsrf(token, form, new URLSearchParams({ token }))).toEqual({ ok: false, reason: 'missing' });
    for (const type of [null, 'text/plain', 'multipart/form-data; boundary=x', 'application/json']) {
      expect(checkCsrf(token, type, new URLSearchParams({ csrf: token }))).toEqual({ ok: false, reason: 'not-a-form' });
    }
  });

  it('uses the first csrf value when a form repeats it', () => {
    expect(checkCsrf(token, form, new URLSearchParams(`csrf=${token}&csrf=wrong`)).ok).toBe(true);
    expect(checkCsrf(token, form, new URLSearchParams(`csrf=wrong&csrf=${token}`)).ok).toBe(false);
  });

  it('reads forms up to 16 KB and no more', async () => {
    const body = (text: string) => new Response(text).body;
    expect((await readForm(body(`csrf=${token}&note=a%20b`))).get('note')).toBe('a b');
    expect([...(await readForm(null))]).toEqual([]);
    await expect(readForm(body(`note=${'x'.repeat(maxStaffFormBytes)}`))).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});

describe('which paths the middleware guards', () => {
  it('guards /staff/ and everything under it, and nothing else', () => {
    for (const path of ['/staff', '/staff/', '/staff/requests/AF-2026-ABCDEFGH/', '/staff/export.csv', '/staff/sign-out/']) {
      expect(isStaffPath(path), path).toBe(true);
    }
    for (const path of ['/', '/staffing/', '/guides/staff/', '/accessible-formats/request/submit/', '/Staff/']) {
      expect(isStaffPath(path), path).toBe(false);
    }
  });

  it('needs a session everywhere under /staff/ except the sign-in page', () => {
    expect(needsSession('/staff/sign-in/')).toBe(false);
    expect(needsSession('/staff/sign-in')).toBe(false);
    expect(needsSession('/staff/')).toBe(true);
    expect(needsSession('/staff/sign-in/../')).toBe(true);
    expect(needsSession('/staff/sign-in-again/')).toBe(true);
    expect(needsSession('/staff/sign-out/')).toBe(true);
    expect(needsSession('/')).toBe(false);
  });

  it('sends no-store and noindex with every staff response', () => {
    expect(staffResponseHeaders).toEqual({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' });
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for /staff/ only, with no lifetime of its own', () => {
    expect(sessionCookieOptions(false)).toEqual({ httpOnly: true, sameSite: 'strict', path: '/staff/', secure: false });
    expect(sessionCookieOptions(true).secure).toBe(true);
    expect(Object.keys(sessionCookieOptions(true))).not.toContain('maxAge');
    expect(Object.keys(sessionCookieOptions(true))).not.toContain('expires');
  });

  it('is Secure over HTTPS, directly or as a proxy reports it', () => {
    const headers = (h: Record<string, string> = {}) => new Headers(h);
    const trusted = { trustProxy: true };
    expect(cameOverHttps(new URL('https://example.org/staff/'), headers(), {})).toBe(true);
    expect(cameOverHttps(new URL('http://127.0.0.1/staff/'), headers(), {})).toBe(false);
    expect(cameOverHttps(new URL('http://127.0.0.1/staff/'), headers({ 'X-Forwarded-Proto': 'https' }), trusted)).toBe(true);
    expect(cameOverHttps(new URL('http://127.0.0.1/staff/'), headers({ 'X-Forwarded-Proto': 'HTTPS, http' }), trusted)).toBe(true);
    expect(cameOverHttps(new URL('http://127.0.0.1/staff/'), headers({ 'X-Forwarded-Proto': 'http' }), trusted)).toBe(false);
  });
});
