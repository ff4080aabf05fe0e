/** How staff pages write times: London time, GOV.UK style ("23 November 2026 at 14:05"). */
import { formatLongDate, todayInLondon } from '../dates.ts';

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London date of an ISO instant, written out ("23 November 2026"). */
export function londonLongDate(isoInstant: string): string {
  return formatLongDate(todayInLondon(new Date(isoInstant)));
}

const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** For table cells, where GOV.UK style allows short month names: "23 Nov 2026". */
export function shortDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? shortMonths[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new Error(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  return `${Number(match[3])} ${month} ${match[1]}`;
}

export function londonDateTime(isoInstant: string): string {
  const instant = new Date(isoInstant);
  return `${formatLongDate(todayInLondon(instant))} at ${londonTime.format(instant)}`;
}
