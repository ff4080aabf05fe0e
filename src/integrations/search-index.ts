import type { AstroIntegration } from 'astro';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { extractPage } from '../lib/search/extract.ts';
import type { SearchIndexFile } from '../lib/search/engine.ts';
import { synonymsByUrl, urlFromPath, type SynonymSource } from '../lib/search/synonyms.ts';
import { bestBetsSchema, searchSynonymsSchema } from '../lib/schemas/search.ts';
import { parseDataFile } from '../lib/content/load-data.ts';
import bestBetsJson from '../content/data/search-best-bets.json' with { type: 'json' };
import synonymsJson from '../content/data/search-synonyms.json' with { type: 'json' };

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** Easy read pages are not in the main search list of each topic, but people do search for "easy read". */
const easyRead = /^easy-read\/[^/]+\/index\.html$/;

/**
 * Builds the search index as the last step of `astro build`, so a build is
 * always searchable. Pages opt in with data-pagefind-body (the marker the
 * layout puts on searchable pages); easy read pages are added with their own
 * topic. The index is written twice: gzip-compressed (what browsers fetch and
 * unpack themselves, so it stays small on any server) and as plain JSON for
 * browsers that cannot unpack it.
 */
export function searchIndex(options: { glossary: readonly SynonymSource[] }): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const synonymsData = parseDataFile('src/content/data/search-synonyms.json', searchSynonymsSchema, synonymsJson);
        const bestBets = parseDataFile('src/content/data/search-best-bets.json', bestBetsSchema, bestBetsJson);
        const synonyms = synonymsByUrl(options.glossary, synonymsData);

        const file: SearchIndexFile = { version: 1, pages: [], bestBets };
        for (const path of (await htmlFiles(root)).map((f) => relative(root, f).split(sep).join('/')).sort()) {
          const html = await readFile(join(root, path), 'utf8');
          const isEasyRead = easyRead.test(path);
          if (!isEasyRead && !html.includes('data-pagefind-body')) continue;
          const url = urlFromPath(path);
          const extra = [...(isEasyRead ? ['easy read'] : []), ...(synonyms.get(url) ?? [])];
          const page = extractPage(html, url, extra, isEasyRead ? 'Easy read' : undefined);
          // Each guide links to its easy read version, so easy read pages lead only when asked for.
          file.pages.push(isEasyRead ? { ...page, rank: 0.6 } : page);
        }

        // A best bet or synonym that points nowhere would silently stop working; stop the build instead.
        const indexed = new Set(file.pages.map((p) => p.url));
        const missing = [...bestBets.map((b) => b.url), ...synonyms.keys()].filter((url) => !indexed.has(url));
        if (missing.length) throw new Error(`Search data points at pages that are not in the search index: ${[...new Set(missing)].join(', ')}`);

        const json = JSON.stringify(file);
        await mkdir(join(root, 'search'), { recursive: true });
        await writeFile(join(root, 'search', 'index.json'), json);
        await writeFile(join(root, 'search', 'index.bin'), gzipSync(json, { level: 9 }));
        logger.info(
          `Indexed ${file.pages.length} pages (${(json.length / 1024).toFixed(1)} KiB, ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(1)} KiB compressed) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
