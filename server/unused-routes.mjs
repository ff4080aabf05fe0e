// Routes Astro adds that this site never uses: its image service (/_image), server islands
// and actions. Left alone they answer in plain text (a 400, 403 or 500 from the image
// service); server/serve.mjs answers them with the site's own 404 page instead.
import { readFileSync } from 'node:fs';

const unused = /^\/(?:_image|_server-islands|_actions)(?:\/|$)/;

/** Whether `pathname` (already decoded and normalised) is one of those routes. */
export function isUnusedRoute(pathname) {
  return unused.test(pathname);
}

let notFoundPage;

/** Sends the built 404 page (dist/client/404.html) with status 404. */
export function sendNotFound(req, res) {
  notFoundPage ??= (() => {
    try {
      return readFileSync(new URL('../dist/client/404.html', import.meta.url));
    } catch {
      return Buffer.from('<!doctype html><title>Page not found</title><h1>Page not found</h1>\n');
    }
  })();
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': notFoundPage.length });
  res.end(req.method === 'HEAD' ? undefined : notFoundPage);
}
