/** The feedback store on the shared SQLite file (see store.ts). */
import type { SqliteDatabase } from '../storage/sqlite.ts';
import type { NewFeedback } from './schema.ts';
import { byNoAnswers, feedbackCutoff, toFeedbackRecord, toPageTally, type FeedbackRecord, type FeedbackStore, type FeedbackStoreRules, type PageTally } from './store.ts';

export class SqliteFeedbackStore implements FeedbackStore {
  readonly #database: SqliteDatabase;
  readonly #now: () => Date;

  constructor(database: SqliteDatabase, rules: FeedbackStoreRules = {}) {
    this.#database = database;
    this.#now = rules.now ?? (() => new Date());
  }

  async add(feedback: NewFeedback): Promise<FeedbackRecord> {
    const createdAt = this.#now().toISOString();
    const row = this.#database.db
      .prepare('INSERT INTO page_feedback (created_at, page, kind, problem) VALUES (?, ?, ?, ?) RETURNING id, created_at, page, kind, problem')
      .get(createdAt, feedback.page, feedback.kind, feedback.problem ?? null);
    if (!row) throw new Error('page_feedback insert returned no row');
    return toFeedbackRecord(row);
  }

  async tallies(): Promise<PageTally[]> {
    const rows = this.#database.db
      .prepare(
        `SELECT page,
           SUM(kind = 'yes') AS yes, SUM(kind = 'no') AS no, SUM(kind = 'problem') AS problems
         FROM page_feedback GROUP BY page`,
      )
      .all();
    return rows.map(toPageTally).sort(byNoAnswers);
  }

  async problems(options: { limit?: number } = {}): Promise<FeedbackRecord[]> {
    const rows = this.#database.db
      .prepare(`SELECT id, created_at, page, kind, problem FROM page_feedback WHERE kind = 'problem' ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(options.limit ?? -1);
    return rows.map(toFeedbackRecord);
  }

  async list(): Promise<FeedbackRecord[]> {
    return this.#database.db.prepare('SELECT id, created_at, page, kind, problem FROM page_feedback ORDER BY created_at, id').all().map(toFeedbackRecord);
  }

  async purgeOlderThan(days: number): Promise<number> {
    const cutoff = feedbackCutoff(this.#now(), days).toISOString();
    const result = this.#database.db.prepare('DELETE FROM page_feedback WHERE created_at < ?').run(cutoff);
    // Deleted text should not linger in the write-ahead log either.
    this.#database.checkpoint();
    return Number(result.changes);
  }
}
