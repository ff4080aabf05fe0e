/**
 * Working-day sums for the accessible-format promise ("we will reply within 5 working days").
 *
 * Dates are YYYY-MM-DD strings and every sum is done on whole UTC days, so the server's own
 * time zone and daylight saving can never move a date. Only the moment a request arrives is
 * turned into a London calendar day, once, in `londonDate`.
 */

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

const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01, after checking the string is a real YYYY-MM-DD date. */
function toDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Expected a date written as YYYY-MM-DD, got "${isoDate}"`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2026-02-30 over to 2 March; a round trip catches that.
  if (toIsoDate(ms / MS_PER_DAY) !== isoDate) throw new RangeError(`Not a real calendar date: "${isoDate}"`);
  return ms / MS_PER_DAY;
}

function toIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function isWeekendDay(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * MS_PER_DAY).getUTCDay();
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
    const isoDate = toIsoDate(day);
    assertCovered(isoDate, calendar);
    if (!isWeekendDay(day) && !holidays.has(isoDate)) counted += 1;
  }
  return toIsoDate(day);
}

// Built once: creating an Intl formatter is slow compared with using one.
const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in London (GMT or BST) at an instant, as YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Expected a valid date and time');
  // formatToParts rather than format: the order and separators of a formatted date vary
  // between locales and ICU versions, the parts do not.
  const parts = londonParts.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
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
