// Prints what each built page costs a visitor, in bytes (largest first). Not a test:
// tests/build/budget.test.ts enforces the budget. Usage: npm run build && node bench/budget.ts
import { pageWeights, scriptSizes } from '../tests/support/page-weight.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const weights = pageWeights().sort((a, b) => b.firstRequestGzip - a.firstRequestGzip);
console.log('page'.padEnd(62), 'HTML gz'.padStart(9), 'CSS gz'.padStart(9), 'first req'.padStart(10), 'JS gz'.padStart(8));
for (const w of weights) {
  console.log(w.path.padEnd(62), kb(w.htmlGzip).padStart(9), kb(w.cssGzip).padStart(9), kb(w.firstRequestGzip).padStart(10), kb(w.jsGzip).padStart(8));
}
console.log(`\n${weights.length} pages; largest first request ${kb(weights[0]!.firstRequestGzip)} (budget 14 KB)`);
console.log('\nScripts:');
for (const s of scriptSizes()) console.log(`  ${s.file}: ${kb(s.bytes)} minified, ${kb(s.gzip)} gzipped`);
