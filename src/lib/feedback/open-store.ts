import type { Database } from '../storage/index.ts';
import { PostgresFeedbackStore } from './postgres-feedback-store.ts';
import { SqliteFeedbackStore } from './sqlite-feedback-store.ts';
import type { FeedbackStore, FeedbackStoreRules } from './store.ts';

/** The feedback store for an open connection, whichever engine it is. */
export function feedbackStoreOn(database: Database, rules: FeedbackStoreRules = {}): FeedbackStore {
  return database.kind === 'sqlite' ? new SqliteFeedbackStore(database, rules) : new PostgresFeedbackStore(database, rules);
}
