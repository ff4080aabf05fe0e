import { z } from 'zod';
import { isoDate, sourceSchema } from './guide.ts';

/** Pages about the site itself (accessibility, privacy, contact): no section, sources optional. */
export const sitePageSchema = z.object({
  title: z.string().min(3).max(80),
  summary: z.string().min(20).max(200),
  lastReviewed: isoDate,
  sources: z.array(sourceSchema).default([]),
});

export type SitePage = z.infer<typeof sitePageSchema>;
