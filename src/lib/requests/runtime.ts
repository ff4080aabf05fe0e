/**
 * The objects the request endpoint, the staff pages and the CLIs share, each made on first
 * use and then kept for the life of the process: one database connection (requests, staff
 * accounts and sessions), one parsed calendar, one mail transport. Made lazily so that
 * importing this file (a build, a test) opens nothing.
 */
import { resolve } from 'node:path';
import bankHolidaysJson from '../../content/data/bank-holidays.json' with { type: 'json' };
import { parseDataFile } from '../load-data.ts';
import { bankHolidaysSchema } from '../schemas/bank-holidays.ts';
import type { BankHolidays } from '../schemas/bank-holidays.ts';
import { replyByDate } from '../working-days.ts';
import { notifierFromEnv } from './notify.ts';
import type { Notifier } from './notify.ts';
import { SqliteRequestStore } from './store.ts';
import type { RequestStore } from './store.ts';
import { StaffAuth } from '../staff/auth.ts';

let calendar: BankHolidays | undefined;
let store: SqliteRequestStore | undefined;
let auth: StaffAuth | undefined;
// A separate flag, because "email is switched off" (undefined) is a result worth keeping too.
let notifierMade = false;
let notifierInstance: Notifier | undefined;

/** The England and Wales bank holidays; a bad file stops the server with the fields at fault. */
export function bankHolidayCalendar(): BankHolidays {
  calendar ??= parseDataFile('src/content/data/bank-holidays.json', bankHolidaysSchema, bankHolidaysJson);
  return calendar;
}

/**
 * `${DATA_DIR}/requests.sqlite`, relative to the working directory. An empty DATA_DIR counts
 * as unset: `DATA_DIR=` in an env file should not put personal data in the app folder itself.
 */
export function requestStorePath(env: Record<string, string | undefined> = process.env): string {
  const dataDir = env['DATA_DIR'] || 'data';
  return resolve(process.cwd(), dataDir, 'requests.sqlite');
}

function sqliteStore(): SqliteRequestStore {
  store ??= new SqliteRequestStore({
    path: requestStorePath(),
    replyByFor: (receivedAt) => replyByDate(receivedAt, bankHolidayCalendar()),
  });
  return store;
}

export function requestStore(): RequestStore {
  return sqliteStore();
}

/**
 * Staff accounts, sign-in and sessions, kept in the request store's file. A PostgreSQL
 * set-up would pass its own StaffStore here.
 */
export function staffAuth(): StaffAuth {
  auth ??= new StaffAuth({
    store: sqliteStore().staff,
    // Which account is left out on purpose: usernames stay out of the logs.
    onLock: () => console.warn('A staff account was locked for 15 minutes after 5 wrong passwords in a row.'),
  });
  return auth;
}

/**
 * The team email notifier, or undefined when SMTP_URL is not set. A half-finished email set-up
 * throws NotifyConfigError every time it is asked for, so it cannot be missed.
 */
export function notifier(): Notifier | undefined {
  if (!notifierMade) {
    notifierInstance = notifierFromEnv(process.env);
    notifierMade = true;
  }
  return notifierInstance;
}
