// What server/serve.mjs does so that no one client can starve the others or grow its memory:
//
// - at most `perAddress` open connections from one address (an IPv6 /64 counts as one, see
//   address-key.mjs); beyond it a new connection is closed at once. Applied only when clients
//   connect directly (no TRUSTED_PROXY_HOPS): behind load balancers every connection comes
//   from one of them, and the load balancer limits each visitor (docs/nginx-load-balancer.conf);
// - the header and whole-request timeouts are checked every `checkIntervalMs` (Node checks
//   every 30 s by default, so a 10 s limit became 10 to 40 s);
// - requests pipelined on one connection are answered one at a time: the next is not even
//   started until the answer before it has been handed over, so a client that sends many and
//   reads nothing holds one answer's buffer, not one per request; and at most
//   `maxRequestsPerSocket` are answered on one connection;
// - a connection that makes no progress for `sendTimeoutMs` (a client that stops reading, so
//   nothing more can be written to it) is destroyed.
import { addressKey } from './address-key.mjs';
import { serverLimits, wholeNumber } from './request-limits.mjs';

/**
 * Everything the server limits, from the environment: serverLimits (request-limits.mjs) and
 * - SERVER_MAX_CONNECTIONS_PER_ADDRESS (default a quarter of SERVER_MAX_CONNECTIONS): open
 *   connections from one address, when clients connect directly;
 * - SERVER_SEND_TIMEOUT_SECONDS (default 30): how long a connection may go without progress;
 * - at most 100 requests on one connection, and timeouts checked every second.
 */
export function connectionLimits(env = process.env) {
  const limits = serverLimits(env);
  const direct = !(Number(env.TRUSTED_PROXY_HOPS || 0) > 0);
  const perAddress = wholeNumber(env, 'SERVER_MAX_CONNECTIONS_PER_ADDRESS', Math.max(1, Math.floor(limits.maxConnections / 4)));
  return {
    ...limits,
    perAddress: direct ? perAddress : undefined,
    sendTimeoutMs: wholeNumber(env, 'SERVER_SEND_TIMEOUT_SECONDS', 30) * 1000,
    maxRequestsPerSocket: 100,
    checkIntervalMs: Math.min(1000, limits.headersTimeout),
  };
}

/** The options for http.createServer. */
export function serverOptions(limits) {
  return {
    headersTimeout: limits.headersTimeout,
    requestTimeout: limits.requestTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    connectionsCheckingInterval: limits.checkIntervalMs,
    maxRequestsPerSocket: limits.maxRequestsPerSocket,
  };
}

/**
 * Wraps a request listener so that the requests on one connection are handled one at a time,
 * in order: each starts when the answer before it has finished (or its connection closed).
 */
export function oneAtATimePerConnection(listener) {
  const queues = new WeakMap();
  const next = (socket) => {
    const queue = queues.get(socket);
    // Nothing more is answered on a connection that has gone: the requests still waiting on it
    // are dropped unread, rather than each made into an answer that no one will receive.
    const waiting = socket.destroyed ? undefined : queue?.shift();
    if (!waiting) {
      queues.delete(socket);
      return;
    }
    const [req, res] = waiting;
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      next(socket);
    };
    res.once('finish', finished);
    res.once('close', finished);
    listener(req, res);
  };
  return (req, res) => {
    const socket = req.socket;
    // Read now, while the connection is there: Node keeps the address once read, and the site
    // needs it (Astro.clientAddress). A client that sent a request and went at once has none:
    // there is no one to answer, so one line is logged rather than a failure's stack trace.
    if (!socket.remoteAddress) {
      console.warn(`A request was dropped: its client disconnected before it could be answered (${req.method} request)`);
      res.destroy();
      return;
    }
    const queue = queues.get(socket);
    if (queue) {
      queue.push([req, res]);
      return;
    }
    queues.set(socket, [[req, res]]);
    next(socket);
  };
}

/** Applies the limits that are not createServer options to a started http.Server. */
export function limitConnections(server, limits) {
  server.maxConnections = limits.maxConnections;
  // A connection with no progress either way for this long (nothing read from it, nothing
  // written to it: a client that stopped reading) is destroyed; between requests
  // keepAliveTimeout applies instead.
  server.timeout = limits.sendTimeoutMs;
  // Node's header time starts with the first byte: a connection that sends nothing at all
  // is closed here after the same time.
  server.on('connection', (socket) => {
    const silent = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, limits.headersTimeout);
    silent.unref();
    socket.once('close', () => clearTimeout(silent));
  });
  if (limits.perAddress === undefined) return;
  const open = new Map();
  server.on('connection', (socket) => {
    const key = addressKey(socket.remoteAddress);
    const count = (open.get(key) ?? 0) + 1;
    if (count > limits.perAddress) {
      socket.destroy();
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
}

