/**
 * Issue 23, low 9 and the information items on origins and headers: the staff cookie's Secure
 * flag comes from SITE_URL or a trusted proxy, never from a header any client can send; with
 * SITE_URL set only that origin may post; headers follow the path a request is routed to.
 */
import { describe, expect, it } from 'vitest';
import { cameOverHttps } from '../../src/lib/staff/guard.ts';
import { comesFromThisSite } from '../../src/lib/requests/same-origin.ts';
import { normalisedPath } from '../../server/request-path.mjs';
import { headersFor } from '../../server/security-headers.mjs';
import { isUnusedRoute } from '../../server/unused-routes.mjs';

const http = new URL('http://127.0.0.1:4321/staff/sign-in/');
const forwardedHttps = new Headers({ 'X-Forwarded-Proto': 'https' });

describe('the Secure flag on the staff cookie', () => {
  it('is not set on the word of an X-Forwarded-Proto that no trusted proxy wrote', () => {
    expect(cameOverHttps(http, forwardedHttps, { trustProxy: false })).toBe(false);
    expect(cameOverHttps(http, forwardedHttps, {})).toBe(false);
  });

  it('follows SITE_URL when it is set, whatever the request says', () => {
    expect(cameOverHttps(http, new Headers(), { site: new URL('https://complaints.example/') })).toBe(true);
    expect(cameOverHttps(http, forwardedHttps, { site: new URL('http://localhost:4321/'), trustProxy: true })).toBe(false);
  });

  it('believes a trusted proxy', () => {
    expect(cameOverHttps(http, forwardedHttps, { trustProxy: true })).toBe(true);
  });
});

describe('with SITE_URL set', () => {
  it('accepts posts from that origin only, not from the one the Host header names', () => {
    const context = { url: new URL('http://rebound.example/feedback/'), trustProxy: false, site: new URL('https://complaints.example/') };
    expect(comesFromThisSite('POST', new Headers({ Origin: 'https://complaints.example' }), context)).toBe(true);
    expect(comesFromThisSite('POST', new Headers({ Origin: 'http://rebound.example' }), context)).toBe(false);
  });
});

describe('headers chosen from the routed path', () => {
  it('resolve dot segments however they are written, so only the embed itself may be framed', () => {
    for (const target of ['/embed/where-to-complain/%2e%2e/%2e%2e/staff/sign-in/', '/embed/where-to-complain/%2E%2E/%2e./staff/', '/embed/where-to-complain%2f..%2f..%2fstaff/', '/embed/where-to-complain/..%5c..%5cstaff/']) {
      const headers: Record<string, string> = headersFor(normalisedPath(target));
      expect(headers['Content-Security-Policy'], target).toContain("frame-ancestors 'none'");
      expect(headers['X-Frame-Options'], target).toBe('DENY');
    }
    expect(headersFor(normalisedPath('/embed/where-to-complain/?step=1'))['Content-Security-Policy']).toContain('frame-ancestors *');
  });

  it('send the routes the site does not use to its 404 page', () => {
    for (const path of ['/_image', '/_image/', '/_server-islands/x', '/_actions/x']) expect(isUnusedRoute(normalisedPath(path))).toBe(true);
    expect(isUnusedRoute('/images/')).toBe(false);
  });
});
