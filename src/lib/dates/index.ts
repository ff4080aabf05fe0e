/**
 * Dates, in one place: calendar-day arithmetic on YYYY-MM-DD strings (calendar-days.ts),
 * London's today and clock (london.ts), GOV.UK long dates and times (format.ts), working days
 * and bank holidays (working-days.ts, bank-holidays.ts), and content review dates
 * (review-dates.ts). The review deadline rule itself is in src/lib/review-deadline.ts.
 *
 * Islands import the file they need (format.ts, london.ts, calendar-days.ts) rather than this
 * index, which also pulls in the bank holiday file.
 */
export * from './calendar-days.ts';
export * from './london.ts';
export * from './format.ts';
export * from './working-days.ts';
export * from './review-dates.ts';
export { bankHolidayCalendar } from './bank-holidays.ts';
