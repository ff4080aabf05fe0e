// Prints the search index size and the time to the first result. Not a test.
// Usage: npm run build && node bench/search.ts [query ...]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { chromiumArgs, findChromium, realDeps } from '../tests/support/find-browser.ts';

const dir = 'dist/client/pagefind';
let bytes = 0;
let gzipped = 0;
let files = 0;
const walk = (d: string) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (!/-ui\.|component-ui|modular-ui|highlight/.test(e.name)) {
      files++;
      bytes += statSync(p).size;
      gzipped += gzipSync(readFileSync(p)).length;
    }
  }
};
walk(dir);
console.log(`Search index (without Pagefind's unused UI files): ${files} files, ${(bytes / 1024).toFixed(1)} KiB, ${(gzipped / 1024).toFixed(1)} KiB gzipped`);

const port = 4498;
const server = spawn(process.execPath, ['server/serve.mjs'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1000));
const browser = await chromium.launch({ executablePath: findChromium(realDeps), args: chromiumArgs });
const queries = process.argv.slice(2).length ? process.argv.slice(2) : ['review', 'appeal', 'Commissioner', 'reveiw'];
try {
  for (const query of queries) {
    const times: number[] = [];
    let transferred = 0;
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let pageBytes = 0;
      page.on('response', async (r) => {
        if (r.url().includes('/pagefind/')) pageBytes += (await r.body().catch(() => Buffer.alloc(0))).length;
      });
      const started = Date.now();
      await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
      await page.locator('#search-results li').first().waitFor();
      times.push(Date.now() - started);
      transferred = pageBytes;
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`"${query}": first result after ${times[2]} ms (median of 5 cold loads, min ${times[0]}, max ${times[4]}); ${(transferred / 1024).toFixed(1)} KiB of index fetched`);
  }
} finally {
  await browser.close();
  server.kill();
}
