import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { precompress as writeCompressed } from '../../server/compressed-static.mjs';

/**
 * The last build step: a brotli and a gzip copy of every compressible file in dist/client,
 * which `npm start` serves to clients that accept them (server/compressed-static.mjs). Runs
 * after the search index, so Pagefind's files are compressed too.
 */
export function precompress(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const { plain, brotli } = writeCompressed(fileURLToPath(dir));
        logger.info(`Compressed copies written: ${(plain / 1024).toFixed(0)} KiB of files, ${(brotli / 1024).toFixed(0)} KiB as sent, in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
