import { z } from 'zod';
import { isoDate, sourceSchema } from './guide.ts';

/** The Mayor's Action Plan (November 2020) has exactly this many actions; 23a is reported under 23. */
export const ACTION_COUNT = 23;

export const actionThemes = [
  'Stop and search',
  'Use of force',
  'Young people',
  'Community engagement',
  'Recruitment and promotion',
  'Training',
  'Misconduct and complaints',
  'Data and transparency',
  'Support for officers and staff',
] as const;
export type ActionTheme = (typeof actionThemes)[number];

export const actionStatuses = ['delivered', 'in progress'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

const wordCount = (text: string): number => text.trim().split(/\s+/).filter(Boolean).length;

/** Summaries sit in a table cell, so a word limit keeps each row readable on a phone. */
const summary = (maxWords: number) =>
  z
    .string()
    .trim()
    .min(20)
    .refine((s) => /[.!?]$/.test(s), 'End the summary with a full stop')
    .refine((s) => wordCount(s) <= maxWords, `Keep this to ${maxWords} words or fewer`);

export const actionSchema = z
  .object({
    number: z.number().int().min(1).max(ACTION_COUNT),
    theme: z.enum(actionThemes),
    promised: summary(35),
    reported: summary(50),
    /** The status is what the Met reported; stillOpen names work the same paper shows as unfinished or unreported. */
    status: z.enum(actionStatuses),
    stillOpen: summary(30).optional(),
  })
  .strict();

export const actionPlanSchema = z
  .object({
    source: sourceSchema.strict(),
    /** The date of the Oversight Board meeting the progress report went to. */
    reportedAt: isoDate,
    actions: z
      .array(actionSchema)
      .length(ACTION_COUNT, `List all ${ACTION_COUNT} actions of the plan`)
      .superRefine((actions, ctx) => {
        const seen = new Map<number, number>();
        actions.forEach((action, index) => {
          const first = seen.get(action.number);
          if (first === undefined) seen.set(action.number, index);
          else
            ctx.addIssue({
              code: 'custom',
              message: `Action ${action.number} is listed twice (also at position ${first})`,
              path: [index, 'number'],
            });
        });
        for (let n = 1; n <= ACTION_COUNT; n++) {
          if (!seen.has(n)) ctx.addIssue({ code: 'custom', message: `Action ${n} is missing` });
        }
      }),
  })
  .strict();

export type Action = z.infer<typeof actionSchema>;
export type ActionPlan = z.infer<typeof actionPlanSchema>;
