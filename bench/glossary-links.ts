// Prints, for each built guide, how many glossary links it has, how many of them repeat a term
// already linked on the page, and the busiest paragraph (or list item): the most glossary links
// in one block. Not a test (tests/unit/glossary-links.test.ts is). Usage: npm run build && node bench/glossary-links.ts
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = 'dist/client/guides';
if (!existsSync(root)) throw new Error('Build the site first: npm run build');
const blockPattern = /<(p|li|td|dd)\b[^>]*>([\s\S]*?)<\/\1>/g;
const linkPattern = /<a\b[^>]*class="[^"]*glossary-link[^"]*"[^>]*href="\/glossary\/#([^"]+)"|<a\b[^>]*href="\/glossary\/#([^"]+)"[^>]*class="[^"]*glossary-link/g;

let worst = { page: '', count: 0, text: '' };
console.log('page'.padEnd(40), 'links', 'repeats', 'busiest block');
for (const id of readdirSync(root).sort()) {
  const file = join(root, id, 'index.html');
  if (!existsSync(file)) continue;
  const html = readFileSync(file, 'utf8');
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const ids = [...main.matchAll(linkPattern)].map((m) => m[1] ?? m[2]);
  const repeats = ids.length - new Set(ids).size;
  let busiest = 0;
  for (const block of main.matchAll(blockPattern)) {
    // Nested list items are counted in their own item, not their parent's.
    const own = block[2]!.replace(/<(ul|ol)\b[\s\S]*$/, '');
    const count = [...own.matchAll(linkPattern)].length;
    if (count > busiest) busiest = count;
    if (count > worst.count) worst = { page: id, count, text: own.replace(/<[^>]+>/g, '').slice(0, 100) };
  }
  console.log(id.padEnd(40), String(ids.length).padStart(5), String(repeats).padStart(7), String(busiest).padStart(13));
}
console.log(`\nBusiest block on the site: ${worst.count} glossary links, on /guides/${worst.page}/: "${worst.text}..."`);
