import { z } from 'zod';
import { isRealIsoDate, weekday } from '../dates/calendar-days.ts';
import { isoDate, sourceSchema } from './guide.ts';

/** Saturday or Sunday (weekday 6 or 0). A date that does not exist is reported by isoDate, not here. */
function isWeekend(date: string): boolean {
  if (!isRealIsoDate(date)) return false;
  const day = weekday(date);
  return day === 0 || day === 6;
}

const holidaySchema = z
  .object({
    date: isoDate,
    title: z.string().trim().min(3),
    /** true when the holiday is observed on a later weekday because the usual date is a weekend. */
    substitute: z.boolean().optional(),
  })
  .strict();

export const bankHolidaysSchema = z
  .object({
    division: z.literal('england-and-wales'),
    coversFrom: isoDate,
    coversTo: isoDate,
    source: sourceSchema.strict(),
    /** How each year was checked, so a maintainer knows what to re-check. */
    notes: z.array(z.string().trim().min(10)).optional(),
    holidays: z.array(holidaySchema).min(1),
  })
  .strict()
  .superRefine((calendar, ctx) => {
    // Working-day sums trust this list completely: a gap, a weekend or a date outside the
    // covered years would give a reader a wrong reply-by date with no warning.
    if (calendar.coversFrom > calendar.coversTo) {
      ctx.addIssue({ code: 'custom', message: 'coversFrom must not be after coversTo', path: ['coversTo'] });
    }
    calendar.holidays.forEach((holiday, index) => {
      const path = ['holidays', index, 'date'];
      if (holiday.date < calendar.coversFrom || holiday.date > calendar.coversTo) {
        ctx.addIssue({
          code: 'custom',
          message: `${holiday.date} is outside ${calendar.coversFrom} to ${calendar.coversTo}`,
          path,
        });
      }
      if (isWeekend(holiday.date)) {
        ctx.addIssue({
          code: 'custom',
          message: `${holiday.date} is a weekend: list the weekday it is observed on, with "substitute": true`,
          path,
        });
      }
      const previous = calendar.holidays[index - 1];
      if (previous && holiday.date === previous.date) {
        ctx.addIssue({ code: 'custom', message: `${holiday.date} is listed twice`, path });
      } else if (previous && holiday.date < previous.date) {
        ctx.addIssue({ code: 'custom', message: `${holiday.date} comes after ${previous.date}: keep dates in order`, path });
      }
    });
  });

export type BankHolidays = z.infer<typeof bankHolidaysSchema>;
export type BankHoliday = z.infer<typeof holidaySchema>;
