/**
 * Dates written the GOV.UK way: "23 November 2026", "Monday 23 November 2026", "23 Nov 2026"
 * in table cells, and "23 November 2026 at 14:05" for London times. Written by hand rather
 * than with Intl so that the words cannot change with the ICU version.
 */
import { toDayNumber, weekday } from './calendar-days.ts';
import { londonDate, londonTime } from './london.ts';

export const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Year, month (1 to 12) and day of a real YYYY-MM-DD date; throws RangeError otherwise. */
function parts(isoDate: string): [number, number, number] {
  toDayNumber(isoDate);
  return [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10))];
}

/** "23 November 2026". */
export function formatLongDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return `${day} ${monthNames[month - 1]} ${year}`;
}

/** With the day of the week: "Wednesday 29 April 2026". */
export function formatDateWithDay(isoDate: string): string {
  return `${dayNames[weekday(isoDate)]} ${formatLongDate(isoDate)}`;
}

/** For table cells, where GOV.UK style allows short month names: "23 Nov 2026". */
export function formatShortDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return `${day} ${monthNames[month - 1]!.slice(0, 3)} ${year}`;
}

/** A month on its own: "November 2020", from "2020-11". */
export function formatMonthYear(isoMonth: string): string {
  const [year, month] = parts(`${isoMonth}-01`);
  return `${monthNames[month - 1]} ${year}`;
}

/** The London date of an ISO instant, written out: "23 November 2026". */
export function londonLongDate(isoInstant: string): string {
  return formatLongDate(londonDate(new Date(isoInstant)));
}

/** An ISO instant as London's date and time: "23 November 2026 at 14:05". */
export function londonDateTime(isoInstant: string): string {
  const instant = new Date(isoInstant);
  return `${formatLongDate(londonDate(instant))} at ${londonTime(instant)}`;
}
