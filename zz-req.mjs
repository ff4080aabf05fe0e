import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const q of process.argv.slice(2)) {
  const ctx = await b.newContext(); const p = await ctx.newPage();
  const rows = [];
  p.on('requestfinished', (r) => void r.sizes().then((s) => rows.push([new URL(r.url()).pathname, s.responseBodySize + s.responseHeadersSize])));
  await p.goto('http://127.0.0.1:4412/search/?q=' + encodeURIComponent(q));
  await p.locator('#search-results li').first().waitFor();
  await p.waitForTimeout(100);
  console.log(q, (rows.reduce((a, r) => a + r[1], 0) / 1024).toFixed(1));
  for (const [u, n] of rows) console.log('   ', (n / 1024).toFixed(1), u);
  await ctx.close();
}
await b.close();
