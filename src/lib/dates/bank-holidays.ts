/**
 * The England and Wales bank holidays (src/content/data/bank-holidays.json, from GOV.UK),
 * parsed once per process. Server code and commands only: islands do not need the list.
 */
import bankHolidaysJson from '../../content/data/bank-holidays.json' with { type: 'json' };
import { parseDataFile } from '../content/load-data.ts';
import { bankHolidaysSchema, type BankHolidays } from '../schemas/bank-holidays.ts';

let calendar: BankHolidays | undefined;

/** The bank holiday calendar; a bad file stops the server with the fields at fault. */
export function bankHolidayCalendar(): BankHolidays {
  calendar ??= parseDataFile('src/content/data/bank-holidays.json', bankHolidaysSchema, bankHolidaysJson);
  return calendar;
}
