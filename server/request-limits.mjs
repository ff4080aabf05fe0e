// What server/serve.mjs allows one request and one client, in one place so that the server,
// the middleware and the tests agree.

/**
 * The largest body any route takes, sized for the longest honest form in any script: a
 * request with every box full holds 3,604 characters, and a character of a script such as
 * Bengali is 3 bytes in UTF-8 and 9 once URL-encoded (%E0%A6%95), so about 32.5 KB with the
 * field names. Within it, each route counts characters itself (src/lib/requests/submit.ts).
 */
export const maxBodyBytes = 36 * 1024;

/**
 * How much of a too-large body the server reads and throws away before it answers 413. A browser
 * that is still sending when the answer comes and the connection closes shows a connection error
 * instead of the page, so up to this size the server waits for the whole body and then sends the
 * readable 413 page; past it (or when Content-Length says more), it answers at once and closes
 * the connection, and such a client may see only a connection error. requestTimeout bounds how
 * long the reading can take.
 */
export const maxDiscardBytes = 1024 * 1024;

/** The only methods any route answers; anything else gets 405 with an Allow header. */
export const allowedMethods = Object.freeze(['GET', 'HEAD', 'POST']);

/**
 * Set by server/serve.mjs (which first removes any copy a client sent) on a request whose
 * body was too large, so that src/middleware.ts can answer with the readable 413 page without
 * reading anything.
 */
export const bodyTooLargeHeader = 'x-serve-body-too-large';

/**
 * Connection limits for the Node server, from the environment:
 * - SERVER_MAX_CONNECTIONS (default 1000): open connections at once, all clients together;
 *   beyond it new connections are closed at once, so one client cannot use up the file limit;
 * - headersTimeout, SERVER_HEADERS_TIMEOUT_SECONDS (default 10): the time a client has to send
 *   its headers;
 * - requestTimeout, SERVER_REQUEST_TIMEOUT_SECONDS (default 30, at least the headers' time):
 *   the time it has to send the whole request, body included;
 * - keepAliveTimeout 5 s: how long an idle connection is kept open between requests (a load
 *   balancer's own keep-alive towards the servers must be shorter: see the nginx example).
 * Limits per address, and the rest, are in connection-limits.mjs.
 */
export function serverLimits(env = process.env) {
  const maxConnections = wholeNumber(env, 'SERVER_MAX_CONNECTIONS', 1000);
  const headersTimeout = wholeNumber(env, 'SERVER_HEADERS_TIMEOUT_SECONDS', 10) * 1000;
  const requestTimeout = Math.max(headersTimeout, wholeNumber(env, 'SERVER_REQUEST_TIMEOUT_SECONDS', 30) * 1000);
  return { maxConnections, headersTimeout, requestTimeout, keepAliveTimeout: 5_000 };
}

/** A whole number of 1 or more from the environment, or `fallback` when the variable is unset. */
export function wholeNumber(env, name, fallback) {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of 1 or more; got "${text}"`);
  return value;
}
