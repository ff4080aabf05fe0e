import { isRealIsoDate } from '../dates/calendar-days.ts';
import { z } from 'zod';

/** Sections group guides in navigation and breadcrumbs. Keep ids in sync with src/content/data/sections.json. */
export const sectionIds = [
  'complaining-about-the-met',
  'commissioner-mayor-and-mopac',
  'police-officers-and-staff',
  'what-we-found',
  'archive',
  'help',
] as const;
export type SectionId = (typeof sectionIds)[number];

/**
 * A calendar date written as YYYY-MM-DD in frontmatter. Kept as a string so it
 * never shifts with time zones. YAML reads an unquoted date as a Date at UTC
 * midnight, so that is turned back into the same string.
 */
const isoDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date written as YYYY-MM-DD, for example 2026-11-23')
  .refine(isRealIsoDate, 'This is not a real calendar date');

export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  isoDateString,
);

export const sourceSchema = z.object({
  title: z.string().min(3),
  url: z.url({ protocol: /^https?$/ }),
  /** The date the source shows, or the date we read it. */
  accessed: isoDate,
});

/** One sentence: ends with a full stop and has no full stop in the middle. */
const oneSentence = z
  .string()
  .min(20, 'Write a summary of at least 20 characters')
  .max(200, 'Keep the summary to one sentence of 200 characters or fewer')
  .refine((s) => /[.!?]$/.test(s.trim()), 'End the summary with a full stop')
  .refine((s) => !/[.!?]\s+[A-Z]/.test(s.trim()), 'The summary must be one sentence');

export const guideSchema = z
  .object({
    title: z.string().min(3).max(80),
    summary: oneSentence,
    section: z.enum(sectionIds),
    order: z.number().int().min(0),
    lastReviewed: isoDate,
    reviewBy: isoDate,
    sources: z.array(sourceSchema).min(1, 'List at least one source'),
    archived: z.boolean().default(false),
  })
  .refine((g) => g.reviewBy > g.lastReviewed, {
    message: 'reviewBy must be after lastReviewed',
    path: ['reviewBy'],
  });

export type Guide = z.infer<typeof guideSchema>;
export type Source = z.infer<typeof sourceSchema>;
