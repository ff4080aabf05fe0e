// Prints where the first screen ends for key pages on small phones: the h1's top edge, and on
// the home page the bottom edge of the "Find where to complain" button. Not a test (the test is
// tests/e2e/first-screen.spec.ts). Usage: npm run build && node bench/first-screen.ts [path ...]
// Set FIRST_SCREEN_URL to measure a server that is already running instead of starting one.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium, realDeps } from '../tests/support/find-browser.ts';

const paths = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['/', '/where-to-complain/', '/where-to-complain/how-serious/', '/guides/raising-concerns-as-police-staff/'];
const screens = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
];

const port = Number(process.env.FIRST_SCREEN_PORT ?? 4541);
let base = process.env.FIRST_SCREEN_URL;
let stop = async () => {};
if (!base) {
  base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['server/serve.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'first-screen-')), DATABASE_URL: '' },
    stdio: 'ignore',
  });
  stop = () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${base}/`)).ok) break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
}

const browser = await chromium.launch({ executablePath: findChromium(realDeps), args: chromiumArgs });
try {
  console.log('page'.padEnd(44), 'screen'.padEnd(8), 'JS', 'h1 top', ' wizard button bottom');
  for (const path of paths) {
    for (const screen of screens) {
      for (const js of [true, false]) {
        const context = await browser.newContext({ viewport: screen, javaScriptEnabled: js, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(`${base}${path}`);
        const h1 = await page.locator('h1').first().boundingBox();
        const button = path === '/' ? await page.getByRole('link', { name: 'Find where to complain' }).first().boundingBox() : null;
        console.log(
          path.padEnd(44),
          `${screen.width}x${screen.height}`.padEnd(8),
          js ? 'on ' : 'off',
          String(Math.round(h1?.y ?? NaN)).padStart(6),
          button ? String(Math.round(button.y + button.height)).padStart(21) : '',
        );
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await stop();
}
