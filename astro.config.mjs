// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { satteri } from '@astrojs/markdown-satteri';
import glossary from './src/content/data/glossary.json' with { type: 'json' };
import { glossaryLinksPlugin } from './src/lib/content/glossary-links.ts';
import { standaloneLinksPlugin } from './src/lib/content/standalone-links.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { bundleReport } from './src/integrations/bundle-report.ts';
import { precompress } from './src/integrations/precompress.ts';

// Static first: every page is prerendered. The Node adapter is here so that
// `npm start` serves the site with its security headers, and so that the few
// on-demand routes (the accessible-format request) can be added without a
// second server.
// The public address. Without one, links are written for localhost, and the server trusts
// form posts only from the address it is actually visited at (src/lib/requests/same-origin.ts).
const siteUrl = process.env.SITE_URL || undefined;

export default defineConfig({
  site: siteUrl ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One small cacheable stylesheet keeps the CSP free of 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  // src/middleware.ts checks that form posts come from this site, with a readable page and
  // knowing about load balancers that end HTTPS; Astro's own check can do neither.
  security: { checkOrigin: false },
  // The request form reads at most 16 KiB itself; this is a backstop for any other route.
  adapter: node({ mode: 'standalone', bodySizeLimit: 64 * 1024 }),
  markdown: {
    // Guides link the first use of each glossary term to its definition;
    // links that stand alone get a class that gives them a 44 px target.
    processor: satteri({
      mdastPlugins: [glossaryLinksPlugin({ entries: glossary, pathIncludes: '/src/content/guides/' }), standaloneLinksPlugin()],
    }),
  },
  // precompress last: it compresses what the steps before it wrote, Pagefind's files included.
  integrations: [mdx(), searchIndex({ glossary }), bundleReport(), precompress()],
  devToolbar: { enabled: false },
  vite: {
    define: { 'import.meta.env.CONFIGURED_SITE_URL': JSON.stringify(siteUrl ?? '') },
    build: {
      rollupOptions: {
        // Astro marks compiled MDX with a directive the bundler cannot keep; the warning comes once
        // per guide and says nothing a maintainer can act on, so it is left out of the build log.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
