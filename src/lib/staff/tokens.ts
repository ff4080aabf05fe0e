/**
 * Session ids and CSRF tokens: 32 random bytes each, written as base64url (43 characters).
 *
 * The session id lives only in the person's cookie; the store keeps its SHA-256, so a copy
 * of the database cannot be used to sign in. The CSRF token is kept as it is, since every
 * staff page has to print it into its forms.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_BYTES = 32;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Only the shape newToken makes: anything else from a cookie is not even looked up. */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && tokenPattern.test(value);
}

/** What the store keeps in place of a session id. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/**
 * True when a form's `csrf` value is the session's token. Compared as SHA-256 digests with
 * timingSafeEqual, so neither the length nor the first wrong character shows in the timing.
 */
export function csrfTokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given === '' || expected === '') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
