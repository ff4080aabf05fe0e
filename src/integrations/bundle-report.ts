import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Prints the size of every client script after a build, so island growth is seen when it happens. */
export function bundleReport(): AstroIntegration {
  return {
    name: 'bundle-report',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const assets = join(fileURLToPath(dir), '_astro');
        const scripts = (await readdir(assets).catch(() => [])).filter((f) => f.endsWith('.js')).sort();
        for (const file of scripts) {
          const bytes = await readFile(join(assets, file));
          logger.info(`${file}: ${(bytes.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped`);
        }
      },
    },
  };
}
