import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { guideIdFromPath, synonymsByGuide, vocabularyOf, withSynonyms, type SynonymSource } from '../lib/search-synonyms.ts';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/**
 * Builds the Pagefind index as the last step of `astro build`, so a build is
 * always searchable. Pages opt in with data-pagefind-body; guides are indexed
 * with their glossary synonyms added to the indexed copy only.
 */
export function searchIndex(options: { glossary: readonly SynonymSource[] }): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const synonyms = synonymsByGuide(options.glossary);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);

        const vocabulary = new Set<string>();
        let pages = 0;
        for (const file of await htmlFiles(root)) {
          const path = relative(root, file).split(sep).join('/');
          const html = await readFile(file, 'utf8');
          if (!html.includes('data-pagefind-body')) continue;
          const words = synonyms.get(guideIdFromPath(path) ?? '') ?? [];
          const url = '/' + path.replace(/index\.html$/, '');
          const added = await index.addHTMLFile({ url, content: withSynonyms(html, words) });
          if (added.errors.length) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
          for (const word of vocabularyOf(html)) vocabulary.add(word);
          for (const word of words.join(' ').toLowerCase().split(/\s+/)) if (word.length > 3) vocabulary.add(word);
          pages++;
        }
        const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
        await writeFile(join(root, 'pagefind', 'vocabulary.json'), JSON.stringify([...vocabulary].sort()));
        // The site has its own search page; Pagefind's ready-made interfaces would only be dead weight.
        for (const file of await readdir(join(root, 'pagefind'))) {
          if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file)) await rm(join(root, 'pagefind', file));
        }
        await pagefind.close();
        logger.info(`Indexed ${pages} pages and ${vocabulary.size} words in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
