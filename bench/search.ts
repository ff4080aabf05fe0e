// Prints what a first search costs, cold, on the site and on synthetic copies of it with 1,000
// and 5,000 pages: the bytes transferred before the first result shows (everything: page,
// styles, scripts, Pagefind, index chunks, fragments), the time to that result on this
// machine's loopback and on a simulated slow 3G connection, and the time from the last
// keystroke to the first result when the box was focused first. The home-made index's
// figures (bench/search-baseline.json, from issue 21) are printed beside them.
// Not a test: times vary by machine.
// Usage: npm run build && node bench/search.ts [pages ...]   (default: site 1000 5000)
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium, realDeps } from '../tests/support/find-browser.ts';
import { buildSearchIndex } from '../src/integrations/search-index.ts';
import { compressedStatic, contentTypes, precompress } from '../server/compressed-static.mjs';
import { headersFor } from '../server/security-headers.mjs';
import glossary from '../src/content/data/glossary.json' with { type: 'json' };
import baseline from './search-baseline.json' with { type: 'json' };

const client = 'dist/client';
if (!existsSync(join(client, 'pagefind', 'pagefind.js'))) throw new Error('Build first: npm run build');
const corpora = process.argv.slice(2).length ? process.argv.slice(2) : ['site', '1000', '5000'];
const queries = [
  'review',
  'how long do I have to ask for a review',
  'police officer was rude to me',
  'nobody has replied to my complaint',
  'what happens after I make a complaint',
  'whistleblower',
  'Sadiq Khan',
  'Schedule 3',
  'reveiw',
  'complant about the polise',
];
// Roughly Chrome's "Slow 3G": 400 kbit/s down, 400 ms round trip.
const slow3g = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };

/** A seeded random number generator, so every run builds the same corpus. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

/**
 * A copy of the built site with `pages` extra guides in the site's page shape (its layout,
 * a title, a summary, headings and paragraphs), indexed and compressed as the build does.
 * The words come from a 5,000-word vocabulary (the site's own words and made-up ones) spread
 * evenly over every page: pessimistic, as real content is more varied.
 */
async function syntheticSite(pages: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `search-bench-${pages}-`));
  cpSync(client, dir, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) && !src.includes(`${client}/pagefind`) });
  const siteWords = (JSON.parse(readFileSync(join(client, 'search', 'query-data.json'), 'utf8')) as { words: string[] }).words;
  const rand = random(pages);
  const syllables = ['ba', 'ker', 'lo', 'min', 'tas', 've', 'dor', 'pli', 'nu', 'gar', 'sen', 'tho', 'ru', 'mav', 'quel', 'fi'];
  const vocabulary = [...siteWords];
  while (vocabulary.length < 5000) vocabulary.push(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * syllables.length)]).join(''));
  const word = () => vocabulary[Math.floor(rand() * vocabulary.length)]!;
  const sentence = (n: number) => {
    const text = Array.from({ length: n }, word).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const template = readFileSync(join(client, 'guides', 'right-of-review', 'index.html'), 'utf8');
  for (let n = 0; n < pages; n++) {
    const sections = Array.from({ length: 5 }, () => `<h2>${sentence(4).slice(0, -1)}</h2>${Array.from({ length: 3 }, () => `<p>${sentence(12)} ${sentence(15)} ${sentence(10)}</p>`).join('')}`).join('');
    const main = `<main class="main" id="main-content" tabindex="-1" data-pagefind-body><h1>${sentence(5).slice(0, -1)}</h1><p class="lead">${sentence(18)}</p>${sections}</main>`;
    const html = template.replace(/<main\b[\s\S]*<\/main>/, main).replace(/<title>[^<]*<\/title>/, `<title>Synthetic page ${n}</title>`);
    mkdirSync(join(dir, 'synthetic', String(n)), { recursive: true });
    writeFileSync(join(dir, 'synthetic', String(n), 'index.html'), html);
  }
  const started = Date.now();
  await buildSearchIndex(dir, glossary, (m) => console.log(`  ${m}`));
  // Only what a search downloads: brotli at its best on thousands of pages the bench never opens would take minutes.
  precompress(dir, (path: string) => !path.startsWith('synthetic/'));
  console.log(`  built and compressed ${pages} extra pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

/** The project's own server for the site; for a synthetic copy, its compressed delivery and headers over a plain file server. */
async function serve(dir: string | undefined, port: number): Promise<() => void> {
  if (!dir) {
    const child = spawn(process.execPath, ['server/serve.mjs'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    return () => child.kill();
  }
  const compressed = compressedStatic(dir);
  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    for (const [name, value] of Object.entries(headersFor(pathname))) res.setHeader(name, value);
    if (compressed(req, res)) return;
    const file = join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', (contentTypes as Record<string, string>)[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return () => server.close();
}

interface Run {
  ms: number;
  kib: number;
}

async function coldSearch(browser: Browser, base: string, query: string, throttle: boolean): Promise<Run> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', slow3g);
  }
  // The moment the first result is in the page, and everything that had arrived by then (Resource Timing, headers included).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('#search-results li')) {
        (window as unknown as { firstResult: number }).firstResult = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const started = Date.now();
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('#search-results li').first().waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  const bytes = await page.evaluate(() => {
    const at = (window as unknown as { firstResult: number }).firstResult;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
    return entries.filter((e) => e.responseEnd <= at).reduce((sum, e) => sum + e.transferSize, 0);
  });
  await context.close();
  return { ms, kib: bytes / 1024 };
}

/** Focus the box (Pagefind loads), type, press Enter: the time from that last keystroke to the first result. */
async function typedSearch(browser: Browser, base: string, query: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/search/`);
  await page.getByLabel('Search this site').focus();
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Search this site').pressSequentially(query, { delay: 60 });
  const started = Date.now();
  await page.keyboard.press('Enter');
  await page.locator('#search-results li').first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  await context.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const worst = (xs: number[]) => Math.max(...xs);

const browser = await chromium.launch({ executablePath: findChromium(realDeps), args: chromiumArgs });
const port = Number(process.env.PORT ?? 4531);
try {
  for (const corpus of corpora) {
    const pages = corpus === 'site' ? 0 : Number(corpus);
    console.log(`\n== ${corpus === 'site' ? 'the site' : `the site + ${pages} synthetic pages`}`);
    const dir = pages ? await syntheticSite(pages) : undefined;
    const stop = await serve(dir, port);
    const base = `http://127.0.0.1:${port}`;
    const kib: number[] = [];
    const ms: number[] = [];
    const slow: number[] = [];
    const typed: number[] = [];
    for (const query of queries) {
      const runs = [await coldSearch(browser, base, query, false), await coldSearch(browser, base, query, false), await coldSearch(browser, base, query, false)];
      const run = { kib: median(runs.map((r) => r.kib)), ms: median(runs.map((r) => r.ms)) };
      const slowRun = await coldSearch(browser, base, query, true);
      const afterTyping = await typedSearch(browser, base, query);
      kib.push(run.kib);
      ms.push(run.ms);
      slow.push(slowRun.ms);
      typed.push(afterTyping);
      console.log(`  "${query}": ${run.kib.toFixed(1)} KiB, ${run.ms} ms cold, ${(slowRun.ms / 1000).toFixed(1)} s on slow 3G, ${afterTyping} ms after the last keystroke`);
    }
    const old = baseline.corpora[(corpus === 'site' ? 'site' : corpus) as keyof typeof baseline.corpora];
    console.log(`  median ${median(kib).toFixed(1)} KiB (worst ${worst(kib).toFixed(1)}) before the first result; ${median(ms)} ms cold (worst ${worst(ms)}); slow 3G ${(median(slow) / 1000).toFixed(1)} s (worst ${(worst(slow) / 1000).toFixed(1)}); ${median(typed)} ms after the last keystroke (worst ${worst(typed)})`);
    if (old) console.log(`  home-made index before: ${old.kib} KiB${old.ms ? `, ${old.ms} ms cold` : ''}${old.slow3gSeconds ? `, ${old.slow3gSeconds} s on slow 3G` : ''}`);
    stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
}
