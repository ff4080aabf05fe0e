// Takes full-page screenshots of a few pages at 320 and 1280 px, light and dark,
// so a person can look at what the site shows. Not a test.
// Usage: npm run build && node scripts/screenshots.ts [path ...]   (files go to screenshots/)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromiumArgs, findChromium, realDeps } from '../tests/support/find-browser.ts';

const port = 4499;
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/guides/complain-about-the-met/', '/search/', '/glossary/'];
mkdirSync('screenshots', { recursive: true });

const server = spawn(process.execPath, ['server/serve.mjs'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 1200));
const browser = await chromium.launch({ executablePath: findChromium(realDeps), args: chromiumArgs });
try {
  for (const path of paths) {
    for (const width of [320, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
        await page.goto(`http://127.0.0.1:${port}${path}`);
        const name = `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${width}-${colorScheme}.png`;
        await page.screenshot({ path: `screenshots/${name}`, fullPage: true });
        await page.close();
        console.log(`screenshots/${name}`);
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}
