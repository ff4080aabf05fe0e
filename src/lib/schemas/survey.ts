import { z } from 'zod';
import { sourceSchema } from './guide.ts';

/** Month-level dates: the source gives no day, and inventing one would overstate what we know. */
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month written as YYYY-MM, for example 2020-12');

export const surveyCommitmentSchema = z
  .object({
    number: z.number().int().min(1),
    title: z.string().trim().min(3).max(60),
    detail: z
      .string()
      .trim()
      .min(20)
      .refine((s) => /[.!?]$/.test(s), 'End the detail with a full stop'),
  })
  .strict();

export const surveyRatingSchema = z
  .object({
    label: z.string().trim().min(3).max(60),
    percent: z.number().min(0).max(100),
  })
  .strict();

/** Results come from a later report than the survey page itself, so they carry their own source. */
export const surveyResultsSchema = z
  .object({
    source: sourceSchema.strict(),
    surveyedIn: yearMonth,
    invited: z.number().int().positive(),
    responded: z.number().int().positive(),
    /** What the people who replied said of the service; the shares must add up to 100. */
    ratings: z
      .array(surveyRatingSchema)
      .min(2)
      .refine((ratings) => Math.abs(ratings.reduce((sum, r) => sum + r.percent, 0) - 100) < 0.01, 'Rating percentages must add up to 100'),
  })
  .strict()
  .refine((r) => r.responded <= r.invited, { message: 'More people replied than were invited', path: ['responded'] });

export const surveySchema = z
  .object({
    results: surveyResultsSchema,
    source: sourceSchema.strict(),
    /** In the source's own words, because it names a season ("late 2020"), not a date. */
    ranFrom: z.string().trim().min(4),
    firstPhaseCompleted: yearMonth,
    ranBy: z.array(z.string().trim().min(2)).min(1),
    whoWasAsked: z.string().trim().min(10),
    commitments: z
      .array(surveyCommitmentSchema)
      .min(1)
      .superRefine((commitments, ctx) => {
        // Pages refer to "commitment 2", so numbering must match list order.
        commitments.forEach((c, index) => {
          if (c.number !== index + 1)
            ctx.addIssue({
              code: 'custom',
              message: `Commitment at position ${index + 1} is numbered ${c.number}; number them 1, 2, 3 in order`,
              path: [index, 'number'],
            });
        });
      }),
  })
  .strict();

export type SurveyCommitment = z.infer<typeof surveyCommitmentSchema>;
export type Survey = z.infer<typeof surveySchema>;
export type SurveyResults = z.infer<typeof surveyResultsSchema>;
