import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtHtml, builtPagePaths, clientDir, isContentPage } from './built-pages.ts';

export interface PageWeight {
  path: string;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  /** What the first request for the page costs: HTML and its stylesheets, compressed. */
  firstRequestGzip: number;
}

const gzipSize = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const assetFile = (href: string) => join(clientDir, href.replace(/^\//, ''));

/** Bytes each built page costs a visitor, counted from the files in dist/client. */
export function pageWeights(): PageWeight[] {
  return builtPagePaths().map((path) => {
    const html = builtHtml(path);
    const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    const cssGzip = styles.reduce((sum, href) => sum + gzipSize(readFileSync(assetFile(href))), 0);
    const jsGzip = scripts.reduce((sum, src) => sum + (existsSync(assetFile(src)) ? gzipSize(readFileSync(assetFile(src))) : 0), 0);
    const htmlGzip = gzipSize(html);
    return { path, htmlGzip, cssGzip, jsGzip, firstRequestGzip: htmlGzip + cssGzip };
  });
}

export const contentPageWeights = () => pageWeights().filter((w) => isContentPage(w.path));

/** Every client script the build wrote, with its minified size. */
export function scriptSizes(): { file: string; bytes: number; gzip: number }[] {
  const dir = join(clientDir, '_astro');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, bytes: bytes.length, gzip: gzipSize(bytes) };
    });
}

/** Web font files anywhere in the build. */
export function fontFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (/\.(woff2?|ttf|otf|eot)$/i.test(entry.name)) found.push(join(dir, entry.name));
    }
  };
  walk(clientDir);
  return found;
}
