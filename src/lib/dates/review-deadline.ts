/**
 * The deadline for asking for a review of a complaint outcome.
 *
 * Police (Complaints and Misconduct) Regulations 2020, reg 29: the application must be made
 * within 28 days starting with the day after the day the outcome information was given.
 * For information given on day D, day 1 is D+1 and the last day is D+28 (1 April → 29 April).
 * These are calendar days: weekends and bank holidays count.
 *
 * Dates are YYYY-MM-DD strings; the day sums and the wording are in src/lib/dates. "Today" is
 * always passed in (as London's date, see todayInLondon), never read here. This file is in the
 * deadline calculator island, so it imports only the small date files it needs.
 */
import { addDays, daysBetween, daysInMonth } from './calendar-days.ts';
import { formatDateWithDay, formatLongDate, monthNames } from './format.ts';

/** How many calendar days a person has, counting from the day after the outcome. */
export const REVIEW_PERIOD_DAYS = 28;

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
  return daysBetween(today, lastDay);
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
    deadline: `The last day to ask for a review is ${formatDateWithDay(lastDay)}. That is ${REVIEW_PERIOD_DAYS} days starting from the day after ${formatLongDate(outcomeDate)}.`,
    timeLeft: timeLeftSentence(daysLeft(lastDay, today)),
  };
}
