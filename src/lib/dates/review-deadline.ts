/**
 * The deadline for asking for a review of a complaint outcome.
 *
 * Police (Complaints and Misconduct) Regulations 2020, reg 29: the application must be made
 * within 28 days starting with the day after the day the outcome information was given.
 * The IOPC's own review form counts from the date printed on the outcome letter and says the
 * request must be received by the last day (FACTS.md section 12). That date is usually no later than
 * the day the letter arrives, so the calculator asks for it: for a letter dated D, day 1 is D+1
 * and the request must arrive by D+28 (dated 1 April → received by 29 April).
 * These are calendar days: weekends and bank holidays count, and a last day that falls on one
 * does not move (neither reg 29 nor the IOPC form gives any extension).
 *
 * Dates are YYYY-MM-DD strings; the day sums and the wording are in src/lib/dates. "Today" is
 * always passed in (as London's date, see todayInLondon), never read here. This file is in the
 * deadline calculator island, so it imports only the small date files it needs.
 */
import { addDays, daysBetween, daysInMonth, weekday } from './calendar-days.ts';
import { formatDateWithDay, formatLongDate, monthNames } from './format.ts';

/** How many calendar days a person has, counting from the day after the date on the letter. */
export const REVIEW_PERIOD_DAYS = 28;

/** The day a review request must be received by, for an outcome letter dated `isoDate`. */
export function lastDayToAskForReview(isoDate: string): string {
  return addDays(isoDate, REVIEW_PERIOD_DAYS);
}

/** The first of the 28 days: the day after the date on the letter. */
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
  empty: 'Enter the date printed on your outcome letter',
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
  /** "Your request must be received by Wednesday 29 April 2026. That is 28 days starting from the day after the date on your letter, 1 April 2026." */
  readonly deadline: string;
  /** How long is left, counted from today, or what to do if the day has passed. */
  readonly timeLeft: string;
  /** Said when the last day is a Saturday, a Sunday or a bank holiday. */
  readonly weekend: string | undefined;
  /** The "earlier date" advice, the same on every page that gives the rule. */
  readonly earlierDate: string;
}

/**
 * Said wherever the rule is given (calculator, guide, easy read, letter tool, wizard). If the
 * outcome reached you before the date printed on the letter (by phone or email, say), the
 * law's "day the information was given" may be that earlier day, so count from it.
 */
export const earlierDateAdvice = 'If you were told the outcome before the date on the letter, count from the earlier day to be safe.';

/** The sentence about time left, for a last day that is `left` days away. */
export function timeLeftSentence(left: number): string {
  if (left > 1) return `It is ${left} days from today. Leave time for your request to arrive.`;
  if (left === 1) return 'It is tomorrow, so send your request today. A letter by post may not arrive in time.';
  if (left === 0) return 'It is today, so send your request now, online or by email. A letter by post will not arrive in time.';
  // FACTS.md section 12 (the IOPC asks for the reasons) and section 3 (police pages on exceptional circumstances).
  return 'That day has passed. You can still ask: say why you are late. The IOPC asks for your reasons so it can decide if it can go ahead. Police pages say late requests are only accepted in exceptional circumstances.';
}

/**
 * Offices may be shut on a weekend or a bank holiday, but the day still counts and the deadline
 * does not move (reg 29 and the IOPC form count calendar days). `holidays` maps a YYYY-MM-DD date
 * to the holiday's name; the calculator page passes the site's England and Wales list.
 */
export function weekendNote(lastDay: string, holidays: ReadonlyMap<string, string> = new Map()): string | undefined {
  const holiday = holidays.get(lastDay);
  if (holiday !== undefined) return `That day is a bank holiday (${holiday}). It still counts, and the deadline does not move. So send your request before then.`;
  const day = weekday(lastDay);
  if (day !== 0 && day !== 6) return undefined;
  return `That day is a ${day === 0 ? 'Sunday' : 'Saturday'}. It still counts, and the deadline does not move to the Monday. So send your request before then.`;
}

/**
 * Everything the calculator shows for an outcome letter dated `letterDate`, seen on `today`.
 * `holidays` (date → name) lets it say when the last day is a bank holiday.
 */
export function deadlineAnswer(letterDate: string, today: string, holidays: ReadonlyMap<string, string> = new Map()): DeadlineAnswer {
  const lastDay = lastDayToAskForReview(letterDate);
  return {
    lastDay,
    deadline: `Your request must be received by ${formatDateWithDay(lastDay)}. That is ${REVIEW_PERIOD_DAYS} days starting from the day after the date on your letter, ${formatLongDate(letterDate)}.`,
    timeLeft: timeLeftSentence(daysLeft(lastDay, today)),
    weekend: weekendNote(lastDay, holidays),
    earlierDate: earlierDateAdvice,
  };
}
