/**
 * Working-day sums for the accessible-format promise ("we will reply within 5 working days").
 *
 * Dates are YYYY-MM-DD strings and every sum is done on whole days (calendar-days.ts), so the
 * server's own time zone and daylight saving can never move a date. Only the moment a request
 * arrives is turned into a London calendar day, once, in `londonDate` (london.ts).
 */
import { fromDayNumber, toDayNumber } from './calendar-days.ts';
import { londonDate } from './london.ts';

/** The promise made on the accessible formats page. */
export const REPLY_WORKING_DAYS = 5;

/** What the sums need from a bank holiday file (see src/lib/schemas/bank-holidays.ts). */
export interface WorkingDayCalendar {
  readonly coversFrom: string;
  readonly coversTo: string;
  readonly holidays: ReadonlyArray<{ readonly date: string }>;
}

/**
 * Thrown when a date is outside the years the bank holiday list covers. We cannot know
 * whether such a day is a working day, so guessing would risk promising a wrong date.
 */
export class OutsideCalendarError extends Error {
  override readonly name = 'OutsideCalendarError';
  readonly date: string;
  readonly coversFrom: string;
  readonly coversTo: string;

  constructor(date: string, calendar: WorkingDayCalendar) {
    super(
      `${date} is outside the bank holiday calendar (${calendar.coversFrom} to ${calendar.coversTo}). ` +
        'Add that year to src/content/data/bank-holidays.json.',
    );
    this.date = date;
    this.coversFrom = calendar.coversFrom;
    this.coversTo = calendar.coversTo;
  }
}

/** Day numbers count from Thursday 1 January 1970, so day 2 is a Saturday and day 3 a Sunday. */
function isWeekendDay(dayNumber: number): boolean {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/** ISO dates sort as strings, so coverage is two string comparisons. */
function assertCovered(isoDate: string, calendar: WorkingDayCalendar): void {
  if (isoDate < calendar.coversFrom || isoDate > calendar.coversTo) {
    throw new OutsideCalendarError(isoDate, calendar);
  }
}

function holidayDates(calendar: WorkingDayCalendar): Set<string> {
  return new Set(calendar.holidays.map((holiday) => holiday.date));
}

/** A weekday that is not a bank holiday. Throws OutsideCalendarError outside the calendar. */
export function isWorkingDay(isoDate: string, calendar: WorkingDayCalendar): boolean {
  const day = toDayNumber(isoDate);
  assertCovered(isoDate, calendar);
  return !isWeekendDay(day) && !holidayDates(calendar).has(isoDate);
}

/**
 * The date `n` working days after `startIsoDate`. The start day never counts, whatever it is:
 * a request made on a Saturday, a Sunday or a bank holiday has the next working day as day 1.
 * Every day walked over must be inside the calendar, weekends included, because a bank
 * holiday could sit in any gap we cannot see.
 */
export function addWorkingDays(startIsoDate: string, n: number, calendar: WorkingDayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number of 0 or more, got ${n}`);
  let day = toDayNumber(startIsoDate);
  assertCovered(startIsoDate, calendar);
  const holidays = holidayDates(calendar);
  let counted = 0;
  while (counted < n) {
    day += 1;
    const isoDate = fromDayNumber(day);
    assertCovered(isoDate, calendar);
    if (!isWeekendDay(day) && !holidays.has(isoDate)) counted += 1;
  }
  return fromDayNumber(day);
}

/**
 * The date we promise to reply by. The request day is the London calendar day of the moment
 * it arrived, so a form sent at 23:30 UTC on 30 June (00:30 BST on 1 July) counts from 1 July.
 */
export function replyByDate(
  requestedAt: Date,
  calendar: WorkingDayCalendar,
  workingDays: number = REPLY_WORKING_DAYS,
): string {
  return addWorkingDays(londonDate(requestedAt), workingDays, calendar);
}
