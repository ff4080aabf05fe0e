// Prints Lighthouse's four category scores for key pages. Not a test.
// Usage: npm run build && node bench/lighthouse.ts [path ...]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../tests/support/request-server.ts';
import { chromiumArgs, findChromium, realDeps } from '../tests/support/find-browser.ts';
import { chromium } from '@playwright/test';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/guides/complain-about-the-met/', '/where-to-complain/', '/search/?q=review'];
const server = await startServer();
const chromePath = findChromium(realDeps) ?? chromium.executablePath();
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs] });
try {
  console.log('page'.padEnd(40), 'perf', 'a11y', 'best', 'seo');
  for (const path of paths) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      formFactor: 'mobile',
    });
    const c = result?.lhr.categories;
    if (result?.lhr.runtimeError) console.log(`    Lighthouse could not measure ${path}: ${result.lhr.runtimeError.message}`);
    const score = (id: string) => String(Math.round((c?.[id]?.score ?? 0) * 100)).padStart(4);
    console.log(path.padEnd(40), score('performance'), score('accessibility'), score('best-practices'), score('seo'));
    for (const [id, audit] of Object.entries(result?.lhr.audits ?? {})) {
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary') console.log(`    not passed: ${id} (${audit.title})`);
    }
  }
} finally {
  chrome.kill();
  await server.stop();
}
