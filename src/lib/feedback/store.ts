/**
 * Where "Is this page useful?" answers and problem reports are kept, in the same database as
 * accessible-format requests (src/lib/storage): SQLite by default, PostgreSQL with
 * DATABASE_URL. `feedbackStoreOn` (open-store.ts) picks the implementation for a connection;
 * both pass the same tests. Nothing stored here says who sent it: no address, no cookie, no
 * name; problem text has email addresses and phone numbers removed before it arrives.
 */
import type { FeedbackKind, NewFeedback } from './schema.ts';

export interface FeedbackRecord {
  id: number;
  /** ISO 8601 UTC instant. */
  createdAt: string;
  page: string;
  kind: FeedbackKind;
  problem?: string | undefined;
}

/** One page's answers, for the staff view "pages by No answers". */
export interface PageTally {
  page: string;
  yes: number;
  no: number;
  problems: number;
}

export interface FeedbackStoreRules {
  /** The clock; tests pass their own. */
  now?: () => Date;
}

export interface FeedbackStore {
  add(feedback: NewFeedback): Promise<FeedbackRecord>;
  /** Every page with any feedback, most "No" answers first, then most problem reports, then A to Z. */
  tallies(): Promise<PageTally[]>;
  /** Problem reports, newest first. */
  problems(options?: { limit?: number }): Promise<FeedbackRecord[]>;
  /** Everything, oldest first, for exports. */
  list(): Promise<FeedbackRecord[]>;
  /** Deletes feedback received more than `days` days ago; returns how many went. */
  purgeOlderThan(days: number): Promise<number>;
}

/** How long feedback is kept unless staff purge sooner: 12 months, as the privacy page says. */
export const defaultRetentionDays = 365;

const msPerDay = 24 * 60 * 60 * 1000;

export function feedbackCutoff(now: Date, days: number): Date {
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`Expected a whole number of days of 1 or more, got ${days}`);
  return new Date(now.getTime() - days * msPerDay);
}

/** Sorts tallies as the staff page lists them. */
export function byNoAnswers(a: PageTally, b: PageTally): number {
  return b.no - a.no || b.problems - a.problems || a.page.localeCompare(b.page);
}

/** A row from either database, times already ISO text. */
export function toFeedbackRecord(row: Record<string, unknown>): FeedbackRecord {
  const kind = String(row['kind']) as FeedbackKind;
  const record: FeedbackRecord = { id: Number(row['id']), createdAt: String(row['created_at']), page: String(row['page']), kind };
  if (row['problem'] !== null && row['problem'] !== undefined) record.problem = String(row['problem']);
  return record;
}

export function toPageTally(row: Record<string, unknown>): PageTally {
  return { page: String(row['page']), yes: Number(row['yes']), no: Number(row['no']), problems: Number(row['problems']) };
}
