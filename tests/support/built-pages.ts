import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url));

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** The URL path of every built HTML page, e.g. "/guides/right-of-review/" and "/404.html". */
export function builtPagePaths(): string[] {
  if (!existsSync(clientDir)) throw new Error('dist/client is missing: run "npm run build" before the browser tests.');
  return [...htmlFiles(clientDir)]
    .map((file) => '/' + relative(clientDir, file).split(sep).join('/'))
    .map((path) => (path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path))
    .sort();
}

export function builtHtml(path: string): string {
  const file = path.endsWith('/') ? join(clientDir, path, 'index.html') : join(clientDir, path);
  return readFileSync(file, 'utf8');
}

/** Pages that are plain content: no island may ship JavaScript to these. */
export function isContentPage(path: string): boolean {
  const islandPages = ['/search/', '/where-to-complain/', '/embed/where-to-complain/', '/accessible-formats/request/'];
  // Each tool under /tools/ is an island page; the /tools/ index is content.
  return !islandPages.some((prefix) => path.startsWith(prefix)) && !/^\/tools\/[^/]+\//.test(path);
}
