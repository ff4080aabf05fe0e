// Prints what a first search costs on a cold load of /search/?q=...: the bytes
// transferred (everything: page, styles, script, search index) before the first
// result shows, and the time to that first result, on this machine's loopback
// and on a simulated slow mobile connection. Not a test: times vary by machine.
// Usage: npm run build && node bench/search.ts [query ...]   (PORT: default 4531)
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, findChromium, realDeps } from '../tests/support/find-browser.ts';

const client = 'dist/client';
const searchFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name)) : [];
// Pagefind's files (older builds) or this site's own index.
const files = [...searchFiles(join(client, 'pagefind')), ...searchFiles(join(client, 'search'))];
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const gzipped = files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
console.log(`Search files in the build: ${files.length} files, ${(bytes / 1024).toFixed(1)} KiB (${(gzipped / 1024).toFixed(1)} KiB if the server gzipped them)`);
// The site's own index is written twice; a browser fetches one copy (index.json only without DecompressionStream).
if (files.length <= 4) for (const f of files) console.log(`  ${f.slice(client.length)}: ${(statSync(f).size / 1024).toFixed(1)} KiB`);

const port = Number(process.env.PORT ?? 4531);
const server = spawn(process.execPath, ['server/serve.mjs'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
const browser = await chromium.launch({ executablePath: findChromium(realDeps), args: chromiumArgs });
const queries = process.argv.slice(2).length ? process.argv.slice(2) : ['review', 'how long do I have to ask for a review', 'police officer was rude to me', 'reveiw'];
// Roughly Chrome's "Slow 3G": 400 kbit/s down, 400 ms round trip.
const slow = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };

async function coldSearch(query: string, throttle: boolean): Promise<{ ms: number; kib: number; searchKib: number }> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', slow);
  }
  let total = 0;
  let search = 0;
  page.on('requestfinished', (request) => {
    void request.sizes().then((s) => {
      const size = s.responseBodySize + s.responseHeadersSize;
      total += size;
      if (/\/(pagefind|search)\/[^?]+\.(js|json|bin|pagefind|pf_\w+)$/.test(new URL(request.url()).pathname)) search += size;
    });
  });
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('#search-results li').first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  await new Promise((r) => setTimeout(r, 100));
  await context.close();
  return { ms, kib: total / 1024, searchKib: search / 1024 };
}

try {
  for (const query of queries) {
    const runs = [];
    for (let run = 0; run < 5; run++) runs.push(await coldSearch(query, false));
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[2]!;
    const slowRun = await coldSearch(query, true);
    console.log(
      `"${query}": ${median.kib.toFixed(1)} KiB transferred before the first result (${median.searchKib.toFixed(1)} KiB of it search files); ` +
        `first result after ${median.ms} ms (median of 5 cold loads, ${runs[0]!.ms}-${runs[4]!.ms}), ${(slowRun.ms / 1000).toFixed(1)} s on a slow 3G connection`,
    );
  }
} finally {
  await browser.close();
  server.kill();
}
