// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';

// Static first: every page is prerendered. The Node adapter is here so that
// `npm start` serves the site with its security headers, and so that the few
// on-demand routes (the accessible-format request) can be added without a
// second server.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One small cacheable stylesheet keeps the CSP free of 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
