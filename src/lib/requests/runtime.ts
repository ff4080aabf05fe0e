/**
 * The objects the request endpoint, the staff pages and the CLIs share, each made on first
 * use and then kept for the life of the process: one database (requests, staff accounts and
 * sessions), one parsed calendar, one mail transport. Made lazily so that importing this file
 * (a build, a test) opens nothing.
 *
 * The database is PostgreSQL when DATABASE_URL is set (for several servers sharing one
 * queue), and otherwise the SQLite file `${DATA_DIR}/requests.sqlite`.
 */
import { resolve } from 'node:path';
import bankHolidaysJson from '../../content/data/bank-holidays.json' with { type: 'json' };
import { parseDataFile } from '../load-data.ts';
import { bankHolidaysSchema } from '../schemas/bank-holidays.ts';
import type { BankHolidays } from '../schemas/bank-holidays.ts';
import { replyByDate } from '../working-days.ts';
import { notifierFromEnv } from './notify.ts';
import type { Notifier } from './notify.ts';
import { PostgresRequestStore } from './postgres-request-store.ts';
import { SqliteRequestStore } from './sqlite-request-store.ts';
import type { RequestDatabase, RequestStore } from './store.ts';
import { StaffAuth, staffSignInPolicy } from '../staff/auth.ts';

let calendar: BankHolidays | undefined;
let database: RequestDatabase | undefined;
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

type Env = Record<string, string | undefined>;

/** Which database the server and the CLIs use, read from the environment. */
export type StoreChoice = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize: number };

const defaultPoolSize = 10;

/**
 * PostgreSQL when DATABASE_URL is set (an empty value counts as unset), with up to
 * DATABASE_POOL_SIZE connections; otherwise SQLite under DATA_DIR.
 */
export function storeChoice(env: Env = process.env): StoreChoice {
  const url = env['DATABASE_URL'];
  if (!url) return { kind: 'sqlite', path: requestStorePath(env) };
  const poolText = env['DATABASE_POOL_SIZE'];
  const poolSize = poolText ? Number(poolText) : defaultPoolSize;
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 100) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 100; got "${poolText}"`);
  }
  return { kind: 'postgres', url, poolSize };
}

/** Where requests are kept, in words safe to print: never the URL, which may hold a password. */
export function requestStoreDescription(env: Env = process.env): string {
  const choice = storeChoice(env);
  return choice.kind === 'sqlite' ? choice.path : 'the PostgreSQL database in DATABASE_URL';
}

/** Opens the chosen database; the PostgreSQL schema is brought up to date on first use. */
function openRequestDatabase(choice: StoreChoice): RequestDatabase {
  const replyByFor = (receivedAt: Date) => replyByDate(receivedAt, bankHolidayCalendar());
  return choice.kind === 'sqlite'
    ? new SqliteRequestStore({ path: choice.path, replyByFor })
    : new PostgresRequestStore({ url: choice.url, poolSize: choice.poolSize, replyByFor });
}

function requestDatabase(): RequestDatabase {
  database ??= openRequestDatabase(storeChoice());
  return database;
}

export function requestStore(): RequestStore {
  return requestDatabase();
}

/** Staff accounts, sign-in and sessions, kept in the same database as the requests. */
export function staffAuth(): StaffAuth {
  auth ??= new StaffAuth({
    store: requestDatabase().staff,
    // Which account is left out on purpose: usernames stay out of the logs.
    onLock: () => console.warn(`A staff account was locked for ${staffSignInPolicy.lockMinutes} minutes after ${staffSignInPolicy.maxFailures} wrong passwords in a row.`),
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
