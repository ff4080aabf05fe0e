/** The feedback store on the shared PostgreSQL database (see store.ts); times converted to ISO text in SQL. */
import { isoInstant, type PostgresDatabase } from '../storage/postgres.ts';
import type { NewFeedback } from './schema.ts';
import { byNoAnswers, feedbackCutoff, toFeedbackRecord, toPageTally, type FeedbackRecord, type FeedbackStore, type FeedbackStoreRules, type PageTally } from './store.ts';

export class PostgresFeedbackStore implements FeedbackStore {
  readonly #database: PostgresDatabase;
  readonly #now: () => Date;

  constructor(database: PostgresDatabase, rules: FeedbackStoreRules = {}) {
    this.#database = database;
    this.#now = rules.now ?? (() => new Date());
  }

  async add(feedback: NewFeedback): Promise<FeedbackRecord> {
    const sql = await this.#database.sql();
    const [row] = await sql`
      INSERT INTO page_feedback (created_at, page, kind, problem)
      VALUES (${this.#now()}, ${feedback.page}, ${feedback.kind}, ${feedback.problem ?? null})
      RETURNING id, ${isoInstant(sql, 'created_at')}, page, kind, problem`;
    if (!row) throw new Error('page_feedback insert returned no row');
    return toFeedbackRecord(row);
  }

  async tallies(): Promise<PageTally[]> {
    const sql = await this.#database.sql();
    const rows = await sql`
      SELECT page,
        count(*) FILTER (WHERE kind = 'yes') AS yes,
        count(*) FILTER (WHERE kind = 'no') AS no,
        count(*) FILTER (WHERE kind = 'problem') AS problems
      FROM page_feedback GROUP BY page`;
    return rows.map(toPageTally).sort(byNoAnswers);
  }

  async problems(options: { limit?: number } = {}): Promise<FeedbackRecord[]> {
    const sql = await this.#database.sql();
    const rows = await sql`
      SELECT id, ${isoInstant(sql, 'created_at')}, page, kind, problem FROM page_feedback
      WHERE kind = 'problem' ORDER BY created_at DESC, id DESC
      ${options.limit === undefined ? sql`` : sql`LIMIT ${options.limit}`}`;
    return rows.map(toFeedbackRecord);
  }

  async list(): Promise<FeedbackRecord[]> {
    const sql = await this.#database.sql();
    const rows = await sql`SELECT id, ${isoInstant(sql, 'created_at')}, page, kind, problem FROM page_feedback ORDER BY created_at, id`;
    return rows.map(toFeedbackRecord);
  }

  async purgeOlderThan(days: number): Promise<number> {
    const sql = await this.#database.sql();
    const result = await sql`DELETE FROM page_feedback WHERE created_at < ${feedbackCutoff(this.#now(), days)}`;
    return result.count;
  }
}
