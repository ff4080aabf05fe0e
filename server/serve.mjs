// Serves the built site: the static pages from dist/client and any on-demand
// routes, with security headers on every response.
// Usage: node server/serve.mjs   (PORT defaults to 4321; HOST is optional)
import http from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFor } from './security-headers.mjs';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('The site has not been built. Run "npm run build" first, or use "npm start", which builds and then serves.');
  process.exit(1);
}

// The adapter would otherwise start its own server without our headers.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(entry.href);

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST || undefined;

const server = http.createServer((req, res) => {
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  for (const [name, value] of Object.entries(headersFor(pathname))) res.setHeader(name, value);
  handler(req, res);
});

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
