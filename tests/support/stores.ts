/**
 * The stores of every domain on one open database, as src/lib/runtime.ts composes them for the
 * server, for tests that open their own database (a temporary file, a throwaway PostgreSQL).
 */
import { feedbackStoreOn } from '../../src/lib/feedback/open-store.ts';
import type { FeedbackStore, FeedbackStoreRules } from '../../src/lib/feedback/store.ts';
import { requestStoreOn } from '../../src/lib/requests/open-store.ts';
import type { RequestStore, RequestStoreRules } from '../../src/lib/requests/store.ts';
import { staffStoreOn } from '../../src/lib/staff/open-store.ts';
import type { StaffStore } from '../../src/lib/staff/staff-store.ts';
import { SqliteDatabase, type Database } from '../../src/lib/storage/index.ts';

export interface OpenStores {
  database: Database;
  requests: RequestStore;
  staff: StaffStore;
  feedback: FeedbackStore;
  /** Closes the database, as the server does when it stops. */
  close(): Promise<void>;
}

export function storesOn(database: Database, rules: RequestStoreRules & FeedbackStoreRules): OpenStores {
  return {
    database,
    requests: requestStoreOn(database, rules),
    staff: staffStoreOn(database),
    feedback: feedbackStoreOn(database, rules.now ? { now: rules.now } : {}),
    close: () => database.close(),
  };
}

/** The stores on a SQLite file, created (with its folder) and migrated when missing. */
export function sqliteStores(path: string, rules: RequestStoreRules): OpenStores {
  return storesOn(new SqliteDatabase({ path }), rules);
}
