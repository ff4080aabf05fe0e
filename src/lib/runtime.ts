/**
 * The objects the server's pages and the commands share, each made on first use and then kept
 * for the life of the process: one database connection (src/lib/storage), the stores of each
 * domain on it and one mail transport. This is the one place the domains
 * are composed, so no domain constructs another's store. Made lazily so that importing this
 * file (a build, a test) opens nothing.
 */
import { feedbackStoreOn } from './feedback/open-store.ts';
import type { FeedbackStore } from './feedback/store.ts';
import { requestStoreOn } from './requests/open-store.ts';
import { notifierFromEnv, type Notifier } from './requests/notify.ts';
import type { RequestStore } from './requests/store.ts';
import { StaffAuth, staffSignInPolicy } from './staff/auth.ts';
import { staffStoreOn } from './staff/open-store.ts';
import { openDatabase, type Database } from './storage/index.ts';
import { keyedHash, postgresAddressSecret, sqliteAddressSecret } from './storage/index.ts';
import { bankHolidayCalendar, replyByDate } from './dates/index.ts';

export { databaseDescription } from './storage/index.ts';

let opened: Database | undefined;
let requests: RequestStore | undefined;
let feedback: FeedbackStore | undefined;
let auth: StaffAuth | undefined;
// A separate flag, because "email is switched off" (undefined) is a result worth keeping too.
let notifierMade = false;
let notifierInstance: Notifier | undefined;

let secret: Promise<string> | undefined;

/** The secret addresses are hashed with, kept beside the database (src/lib/storage/address-secret.ts). */
export function addressSecret(): Promise<string> {
  secret ??= (async () => {
    const db = database();
    return db.kind === 'sqlite' ? sqliteAddressSecret(db.path) : postgresAddressSecret(await db.sql());
  })().catch((error: unknown) => {
    secret = undefined;
    throw error;
  });
  return secret;
}

/** The database named by the environment (DATABASE_URL or DATA_DIR), opened on first use. */
export function database(): Database {
  opened ??= openDatabase();
  return opened;
}

/** Closes the database if it was opened, for commands that finish; the next use opens it again. */
export async function closeDatabase(): Promise<void> {
  const open = opened;
  opened = undefined;
  requests = undefined;
  feedback = undefined;
  auth = undefined;
  secret = undefined;
  await open?.close();
}

export function requestStore(): RequestStore {
  requests ??= requestStoreOn(database(), { replyByFor: (receivedAt) => replyByDate(receivedAt, bankHolidayCalendar()) });
  return requests;
}

/** "Is this page useful?" answers and problem reports, kept in the same database as the requests. */
export function feedbackStore(): FeedbackStore {
  feedback ??= feedbackStoreOn(database());
  return feedback;
}

/** Staff accounts, sign-in and sessions, kept in the same database as the requests. */
export function staffAuth(): StaffAuth {
  auth ??= new StaffAuth({
    store: staffStoreOn(database()),
    // Which account is left out on purpose: usernames stay out of the logs.
    onLock: () => console.warn(`A staff account was locked for ${staffSignInPolicy.lockMinutes} minutes after ${staffSignInPolicy.maxFailures} wrong passwords in a row.`),
    hashAddress: async (address) => keyedHash(await addressSecret(), address),
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

