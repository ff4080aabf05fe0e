// What server/serve.mjs allows one request and one client, in one place so that the server,
// the middleware and the tests agree.

/** The largest body any route takes. The longest honest form (a request) is about 4 KiB. */
export const maxBodyBytes = 16 * 1024;

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
 * - headersTimeout 10 s: the time a client has to send its headers;
 * - requestTimeout 30 s: the time it has to send the whole request, body included;
 * - keepAliveTimeout 5 s: how long an idle connection is kept open between requests (a load
 *   balancer's own keep-alive towards the servers must be shorter: see the nginx example).
 * Limits per client address belong in the load balancer (see the README's "Deploying").
 */
export function serverLimits(env = process.env) {
  const text = env.SERVER_MAX_CONNECTIONS;
  const maxConnections = text === undefined || text === '' ? 1000 : Number(text);
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    throw new Error(`SERVER_MAX_CONNECTIONS must be a whole number of 1 or more; got "${text}"`);
  }
  return { maxConnections, headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 };
}
