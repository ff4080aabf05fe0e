import { z } from 'zod';
import { isoDate } from './guide.ts';

/** A guide id as it appears in a file name and URL: lower case words joined by single hyphens. */
export const guideIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One short sentence that ends with a full stop and has no full stop in the middle. */
const shortSentence = z
  .string()
  .min(20, 'Write a summary of at least 20 characters')
  .max(150, 'Keep the summary to one short sentence of 150 characters or fewer')
  .refine((s) => s.trim().endsWith('.'), 'End the summary with a full stop')
  .refine((s) => !/[.!?]\s+\S/.test(s.trim()), 'The summary must be one sentence');

/**
 * Frontmatter of an easy read page in src/content/easy-read/. Each page summarises one guide
 * (src/content/guides/<guide>.mdx) or the "where to complain" tool (guide: where-to-complain).
 */
export const easyReadSchema = z
  .object({
    title: z.string().min(3).max(80),
    summary: shortSentence,
    guide: z.string().regex(guideIdPattern, 'Use the guide id in kebab-case, for example right-of-review'),
    lastReviewed: isoDate,
    reviewBy: isoDate,
  })
  .refine((page) => page.reviewBy > page.lastReviewed, {
    message: 'reviewBy must be after lastReviewed',
    path: ['reviewBy'],
  });

export type EasyRead = z.infer<typeof easyReadSchema>;
