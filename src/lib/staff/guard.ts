/**
 * The rules src/middleware.ts applies to /staff/, kept here as plain functions so they can
 * be unit tested without a server.
 */
import { readBodyWithLimit } from '../limits/body.ts';
import { trustedProxyHops } from '../limits/address.ts';
import { configuredSite } from '../requests/same-origin.ts';
import { privateHeaders } from '../../../server/security-headers.mjs';
import { csrfTokenMatches } from './tokens.ts';
import { signInPath } from './urls.ts';

export const sessionCookieName = 'staff_session';
/** The cookie is sent to staff pages only, never to the public site. */
export const sessionCookiePath = '/staff/';

/** Sent with every /staff/ response (by server/serve.mjs too, so its errors have them). */
export const staffResponseHeaders: Readonly<Record<string, string>> = privateHeaders;

/** Staff forms are small (the longest is a 500-character note); this is generous. */
export const maxStaffFormBytes = 16 * 1024;

export function isStaffPath(pathname: string): boolean {
  return pathname === '/staff' || pathname.startsWith('/staff/');
}

/** Every staff page needs a session except the sign-in page itself. */
export function needsSession(pathname: string): boolean {
  return isStaffPath(pathname) && pathname !== signInPath && pathname !== signInPath.slice(0, -1);
}

export interface HttpsContext {
  /** The public address (SITE_URL), when set. */
  site?: URL | undefined;
  /** Whether a proxy in front may be believed about the protocol (TRUSTED_PROXY_HOPS > 0). */
  trustProxy?: boolean;
}

/**
 * Whether the cookie is marked Secure. With SITE_URL set, it is exactly when that address is
 * https://. Without it, when the request itself came over HTTPS, or a trusted proxy
 * (TRUSTED_PROXY_HOPS) says it did: never on the word of an X-Forwarded-Proto that any
 * client can send.
 */
export function cameOverHttps(url: URL, headers: Headers, context: HttpsContext = { site: configuredSite(), trustProxy: trustedProxyHops() > 0 }): boolean {
  if (context.site) return context.site.protocol === 'https:';
  if (url.protocol === 'https:') return true;
  if (!context.trustProxy) return false;
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https';
}

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  path: string;
  secure: boolean;
}

/**
 * HttpOnly (no script can read it), SameSite=Strict (no other site's link or form sends it),
 * Path=/staff/, and no Max-Age or Expires, so it goes when the browser closes; the server
 * also ends it after 8 hours idle.
 */
export function sessionCookieOptions(secure: boolean): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: sessionCookiePath, secure };
}

export type CsrfVerdict = { ok: true } | { ok: false; reason: 'not-a-form' | 'missing' | 'mismatch' };

/** A staff POST must be a URL-encoded form carrying the session's token in `csrf`. */
export function checkCsrf(expected: string, contentType: string | null, form: URLSearchParams): CsrfVerdict {
  if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) return { ok: false, reason: 'not-a-form' };
  const given = form.get('csrf');
  if (given === null || given === '') return { ok: false, reason: 'missing' };
  return csrfTokenMatches(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** Reads a URL-encoded form, up to maxStaffFormBytes (BodyTooLargeError beyond). */
export async function readForm(body: ReadableStream<Uint8Array> | null): Promise<URLSearchParams> {
  return new URLSearchParams(await readBodyWithLimit(body, maxStaffFormBytes));
}

/** A page the middleware shows in place of the one asked for. */
export interface Refusal {
  status: number;
  heading: string;
  body: string;
}

export const refusals = {
  csrf: {
    status: 403,
    heading: 'Your form could not be sent',
    body: 'This can happen if the page was open for a long time, or you signed out and in again in another tab. Go back, reload the page and try again.',
  },
  crossSite: {
    status: 403,
    heading: 'Your form could not be sent',
    body: 'It did not look as if it came from a page on this website, so it was not read. Go back, reload the page and try again.',
  },
  tooLarge: {
    status: 413,
    heading: 'What you sent was too long',
    body: 'It was not read. Go back, shorten what you typed and try again.',
  },
} as const satisfies Record<string, Refusal>;
