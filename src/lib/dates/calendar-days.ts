/**
 * Calendar-day arithmetic on YYYY-MM-DD strings. Every sum is done on whole UTC days, so
 * neither the computer's time zone nor a clock change can move a date, and no Temporal
 * polyfill is needed (it would not fit a 10 KB island). Years 0 to 99 are those years, not
 * 1900 to 1999 as Date.UTC would have them.
 */

const MS_PER_DAY = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 for a real YYYY-MM-DD date; throws RangeError on anything else. */
export function toDayNumber(isoDate: string): number {
  const match = isoDatePattern.exec(isoDate);
  if (!match) throw new RangeError(`Expected a date written as YYYY-MM-DD, got "${isoDate}"`);
  const year = Number(match[1]);
  // Date.UTC maps years 0 to 99 onto 1900 to 1999, and rolls 30 February over into March.
  // setUTCFullYear puts the year back; the round trip then catches impossible dates.
  const date = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
  date.setUTCFullYear(year);
  const dayNumber = date.getTime() / MS_PER_DAY;
  if (fromDayNumber(dayNumber) !== isoDate) throw new RangeError(`Not a real calendar date: "${isoDate}"`);
  return dayNumber;
}

/** The YYYY-MM-DD date of a day number (see toDayNumber). */
export function fromDayNumber(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** 0 for Sunday to 6 for Saturday. */
export function weekday(isoDate: string): number {
  return new Date(toDayNumber(isoDate) * MS_PER_DAY).getUTCDay();
}

/** Adds whole calendar days (negative to go back) to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** Whole days from `from` to `to`: 0 on the same day, 1 when `to` is the next day, below 0 before. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
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

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
