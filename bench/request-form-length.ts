// Prints how long the request form page is on a small phone (320 x 568), with JavaScript on
// and off, before and after choosing how to be replied to. Not a test: requests.spec.ts
// checks which fields show. Usage: npm run build && node bench/request-form-length.ts [port]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium, realDeps } from '../tests/support/find-browser.ts';

const port = Number(process.argv[2] ?? 4551);
const url = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['server/serve.mjs'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'form-length-')), DATABASE_URL: '' },
  stdio: 'ignore',
});
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`${url}/`)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}
const browser = await chromium.launch({ executablePath: findChromium(realDeps), args: chromiumArgs });
try {
  for (const javaScriptEnabled of [true, false]) {
    const page = await browser.newPage({ viewport: { width: 320, height: 568 }, javaScriptEnabled });
    await page.goto(`${url}/accessible-formats/request/`);
    const height = () =>
      page.evaluate(() => `${document.documentElement.scrollHeight} (form ${document.querySelector('form.request-form')?.getBoundingClientRect().height.toFixed(0)})`);
    const lengths = [`empty ${await height()} px`];
    for (const method of ['Email', 'Phone', 'Post']) {
      await page.getByRole('radio', { name: method, exact: true }).check();
      lengths.push(`${method.toLowerCase()} chosen ${await height()} px`);
    }
    console.log(`JavaScript ${javaScriptEnabled ? 'on ' : 'off'}: ${lengths.join(', ')}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
