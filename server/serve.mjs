// Serves the built site: the static pages from dist/client and any on-demand
// routes, with security headers on every response.
// Usage: node server/serve.mjs   (PORT defaults to 4321; HOST is optional)
//
// Before Astro sees a request, this server:
// - answers any method but GET, HEAD and POST with 405 and an Allow header;
// - reads a POST's body itself, up to maxBodyBytes whether it comes with a Content-Length or
//   chunked, and passes a larger one on as empty and marked, so the middleware answers with
//   the readable 413 page (once the rest is read and thrown away, up to maxDiscardBytes, so
//   the client is listening; the connection is then closed);
// - drops a request whose client went away before sending all of its body: there is no one
//   to answer, and nothing to log;
// - marks every /staff/ and /health/ response no-store and noindex, errors included;
// - limits connections, per address too, and how long a client may take, and answers
//   pipelined requests one at a time (server/connection-limits.mjs).
import http from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFor, privateHeadersFor } from './security-headers.mjs';
import { allowedMethods, bodyTooLargeHeader, maxBodyBytes, maxDiscardBytes } from './request-limits.mjs';
import { connectionLimits, limitConnections, oneAtATimePerConnection, serverOptions } from './connection-limits.mjs';
import { normalisedPath } from './request-path.mjs';
import { isUnusedRoute, sendNotFound } from './unused-routes.mjs';
import { compressedStatic } from './compressed-static.mjs';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('The site has not been built. Run "npm run build" first, or use "npm start", which builds and then serves.');
  process.exit(1);
}

// The adapter would otherwise start its own server without our headers.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(entry.href);
// Brotli and gzip copies written at build, for clients that accept them (server/compressed-static.mjs).
const serveCompressed = compressedStatic(fileURLToPath(new URL('../dist/client/', import.meta.url)));

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST || undefined;

const limits = connectionLimits();

/**
 * Resolves with the body (a Buffer), 'too-large' when it passes `limit` (the rest is read and
 * thrown away to its end, or up to maxDiscardBytes, so the client can read the answer), or
 * 'gone' when the client disconnects first.
 */
function readBody(req, limit) {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    const declared = Number(req.headers['content-length']);
    let tooLarge = declared > limit;
    if (declared > maxDiscardBytes) {
      req.resume();
      settle('too-large');
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else if (size > maxDiscardBytes) settle('too-large');
    });
    const body = () => (tooLarge ? 'too-large' : Buffer.concat(chunks));
    req.on('end', () => settle(body()));
    req.on('error', () => settle('gone'));
    req.on('close', () => settle(req.complete ? body() : 'gone'));
  });
}

const server = http.createServer(serverOptions(limits), oneAtATimePerConnection((req, res) => {
  // Headers follow the path the request is routed to, not the target as written.
  const pathname = normalisedPath(req.url);
  for (const [name, value] of Object.entries({ ...headersFor(pathname), ...privateHeadersFor(pathname) })) res.setHeader(name, value);
  // Only this server may say a body was too large.
  delete req.headers[bodyTooLargeHeader];

  if (!allowedMethods.includes(req.method ?? '')) {
    res.writeHead(405, { Allow: allowedMethods.join(', '), 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`This address answers only ${allowedMethods.join(', ')}.\n`);
    return;
  }
  if (isUnusedRoute(pathname)) {
    sendNotFound(req, res);
    return;
  }
  if (req.method !== 'POST') {
    if (!serveCompressed(req, res)) handler(req, res);
    return;
  }
  readBody(req, maxBodyBytes).then((body) => {
    if (body === 'gone') return;
    if (body === 'too-large') {
      req.headers[bodyTooLargeHeader] = '1';
      req.body = Buffer.alloc(0);
      res.shouldKeepAlive = false;
    } else {
      req.body = body;
    }
    handler(req, res);
  });
}));
limitConnections(server, limits);

// undefined when listening on every address.
const specificHost = host && host !== '::' && host !== '0.0.0.0' ? host : undefined;

server.listen(port, host, () => {
  console.log(`Serving the site at http://${specificHost ?? 'localhost'}:${port}/`);
  checkDatabase(specificHost ?? '127.0.0.1');
});

/**
 * Asks our own health check once, so the request database is opened and its schema brought up
 * to date now rather than on the first visitor's request. A database that is not up yet is
 * only a warning: each later request tries again.
 */
function checkDatabase(address) {
  const hostPart = address.includes(':') ? `[${address}]` : address;
  fetch(`http://${hostPart}:${port}/health/`)
    .then((response) => {
      if (!response.ok) console.warn('The request database is not available yet: form requests and staff pages will fail until it is.');
    })
    .catch(() => {});
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections can hold close() open; do not wait for ever.
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
