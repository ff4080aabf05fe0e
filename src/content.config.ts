import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema } from './lib/schemas/guide.ts';
import { sitePageSchema } from './lib/schemas/site-page.ts';
import { easyReadSchema } from './lib/schemas/easy-read.ts';

// Schemas live in src/lib/schemas so unit tests can exercise them without Astro.
const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/guides' }),
  schema: guideSchema,
});

const sitePages = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/pages' }),
  schema: sitePageSchema,
});

const easyRead = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/easy-read' }),
  schema: easyReadSchema,
});

export const collections = { guides, sitePages, easyRead };
