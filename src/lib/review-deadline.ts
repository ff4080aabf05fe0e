/**
 * The deadline for asking for a review of a complaint outcome.
 *
 * Police (Complaints and Misconduct) Regulations 2020, reg 29: the application must be made
 * within 28 days starting with the day after the day the outcome information was given.
 * For information given on day D, day 1 is D+1 and the last day is D+28 (1 April → 29 April).
 * These are calendar days: weekends and bank holidays count.
 *
 * Dates are YYYY-MM-DD strings. Every sum is done on whole UTC days, so neither the
 * computer's time zone nor a clock change can move a date. "Today" is always passed in
 * (as London's date, see todayInLondon in ./dates.ts), never read here.
 */

/** How many calendar days a person has, counting from the day after the outcome. */
export const REVIEW_PERIOD_DAYS = 28;

const MS_PER_DAY = 86_400_000;

const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Whole days since 1970-01-01 for a real YYYY-MM-DD date; throws on anything else. */
function toDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Expected a date written as YYYY-MM-DD, got "${isoDate}"`);
  const year = Number(match[1]);
  const ms = Date.UTC(year, Number(match[2]) - 1, Number(match[3]));
  // Date.UTC maps years 0 to 99 onto 1900 to 1999, and rolls 30 February over into March.
  // setUTCFullYear puts the year back; the round trip then catches impossible dates.
  const date = new Date(ms);
  date.setUTCFullYear(year);
  if (toIsoDate(date.getTime() / MS_PER_DAY) !== isoDate) throw new RangeError(`Not a real calendar date: "${isoDate}"`);
  return date.getTime() / MS_PER_DAY;
}

function toIsoDate(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Adds whole calendar days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  return toIsoDate(toDayNumber(isoDate) + days);
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isRealIsoDate(isoDate: string): boolean {
  try {
    toDayNumber(isoDate);
    return true;
  } catch {
    return false;
  }
}

/** The last day to ask for a review when the outcome was given on `isoDate`. */
export function lastDayToAskForReview(isoDate: string): string {
  return addDays(isoDate, REVIEW_PERIOD_DAYS);
}

/** The first of the 28 days: the day after the outcome was given. */
export function firstDayOfReviewPeriod(isoDate: string): string {
  return addDays(isoDate, 1);
}

/**
 * Whole days from `today` to `lastDay`: 0 when today is the last day, 1 when it is
 * tomorrow, and below 0 once it has passed.
 */
export function daysLeft(lastDay: string, today: string): number {
  return toDayNumber(lastDay) - toDayNumber(today);
}

/** GOV.UK style: "1 April 2026". */
export function formatDate(isoDate: string): string {
  const date = new Date(toDayNumber(isoDate) * MS_PER_DAY);
  return `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** GOV.UK style with the day of the week: "Wednesday 29 April 2026". */
export function formatDateWithDay(isoDate: string): string {
  const date = new Date(toDayNumber(isoDate) * MS_PER_DAY);
  return `${dayNames[date.getUTCDay()]} ${formatDate(isoDate)}`;
}

// ---------- Reading the day, month and year boxes ----------

export type DateInputField = 'day' | 'month' | 'year';
export type DateErrorField = DateInputField | 'date';

export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export interface DateError {
  /** The box the error is about, or "date" for the date as a whole (linked to the day box). */
  readonly field: DateErrorField;
  readonly message: string;
  /** The boxes to highlight: GOV.UK highlights only the ones with the problem. */
  readonly inputs: readonly DateInputField[];
}

export type ParsedDate = { readonly ok: true; readonly isoDate: string } | { readonly ok: false; readonly errors: readonly DateError[] };

/** The GOV.UK date input messages, written for this question. */
export const dateMessages = {
  empty: 'Enter the date you got your outcome letter',
  realDate: 'The date must be a real date',
  yearLength: 'Year must include 4 numbers',
  future: 'The date must be today or in the past',
} as const;

const inputFields: readonly DateInputField[] = ['day', 'month', 'year'];

/** "The date must include a month", "The date must include a day and year". */
export function missingPartsMessage(missing: readonly DateInputField[]): string {
  const [first, ...rest] = missing;
  if (!first) throw new Error('missingPartsMessage needs at least one missing part');
  return `The date must include a ${[first, ...rest].join(' and ')}`;
}

/** Month names and their first three letters are accepted too, as GOV.UK advises. */
function monthNumber(raw: string): number | undefined {
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const word = raw.toLowerCase().replace(/\.$/, '');
  if (word.length < 3) return undefined;
  const index = monthNames.findIndex((name) => name.toLowerCase() === word || name.toLowerCase().slice(0, 3) === word);
  return index === -1 ? undefined : index + 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const fail = (field: DateErrorField, message: string, inputs: readonly DateInputField[]): ParsedDate => ({ ok: false, errors: [{ field, message, inputs }] });

/**
 * Reads what a person typed in the day, month and year boxes. Gives one error at a time,
 * the first that applies, in the order GOV.UK suggests. `today` is London's date as YYYY-MM-DD.
 */
export function parseDateParts(parts: DateParts, today: string): ParsedDate {
  const raw = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = inputFields.filter((field) => raw[field] === '');
  if (missing.length === 3) return fail('date', dateMessages.empty, inputFields);
  if (missing.length > 0) return fail(missing[0]!, missingPartsMessage(missing), missing);

  const day = /^\d{1,2}$/.test(raw.day) ? Number(raw.day) : NaN;
  const month = monthNumber(raw.month) ?? NaN;
  const dayOk = day >= 1 && day <= 31;
  const monthOk = month >= 1 && month <= 12;
  if (!dayOk && !monthOk) return fail('date', dateMessages.realDate, ['day', 'month']);
  if (!dayOk) return fail('day', dateMessages.realDate, ['day']);
  if (!monthOk) return fail('month', dateMessages.realDate, ['month']);
  if (!/^\d+$/.test(raw.year)) return fail('year', dateMessages.realDate, ['year']);
  if (raw.year.length !== 4) return fail('year', dateMessages.yearLength, ['year']);

  const year = Number(raw.year);
  if (day > daysInMonth(year, month)) return fail('date', dateMessages.realDate, inputFields);
  const isoDate = `${raw.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (daysLeft(isoDate, today) > 0) return fail('date', dateMessages.future, inputFields);
  return { ok: true, isoDate };
}

// ---------- What the calculator says ----------

export interface DeadlineAnswer {
  readonly lastDay: string;
  /** "The last day to ask for a review is Wednesday 29 April 2026. That is 28 days starting from the day after 1 April 2026." */
  readonly deadline: string;
  /** How long is left, counted from today, or what to do if the day has passed. */
  readonly timeLeft: string;
}

/** The sentence about time left, for a last day that is `left` days away. */
export function timeLeftSentence(left: number): string {
  if (left > 1) return `It is ${left} days from today.`;
  if (left === 1) return 'It is tomorrow, so send your request today if you can.';
  if (left === 0) return 'It is today, so send your request today.';
  return 'That day has passed. You can still ask, but late requests are only looked at in exceptional circumstances. Say why you are late.';
}

/** Everything the calculator shows for an outcome given on `outcomeDate`, seen on `today`. */
export function deadlineAnswer(outcomeDate: string, today: string): DeadlineAnswer {
  const lastDay = lastDayToAskForReview(outcomeDate);
  return {
    lastDay,
    deadline: `The last day to ask for a review is ${formatDateWithDay(lastDay)}. That is ${REVIEW_PERIOD_DAYS} days starting from the day after ${formatDate(outcomeDate)}.`,
    timeLeft: timeLeftSentence(daysLeft(lastDay, today)),
  };
}
