/**
 * The PostgreSQL connection pool every domain's store shares, and its schema migrations.
 * Nothing here logs, and no error includes DATABASE_URL, which may hold a password.
 */
import postgres from 'postgres';
import { refuseNewerSchema } from './migration.ts';
import { postgresMigrations } from './migrations/postgres.ts';

export type Sql = postgres.Sql;

/** Held for the length of the migration transaction; any fixed number works, if only this code uses it. */
const MIGRATION_LOCK_KEY = 7_401_202;

/** A database URL the postgres package can use; anything else is refused before connecting. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\/./.test(value);
}

/** Opens a connection pool. Errors never include the URL, which may hold a password. */
export function connect(url: string, poolSize: number): Sql {
  if (!isPostgresUrl(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  return postgres(url, {
    max: poolSize,
    // "relation already exists, skipping" and the like are not worth a log line.
    onnotice: () => {},
    transform: { undefined: null },
    connect_timeout: 10,
    idle_timeout: 60,
    connection: { application_name: 'accessible-format-requests' },
  });
}

/**
 * SQL for `column` (timestamptz) as ISO 8601 UTC text with milliseconds, named `alias`: the
 * text the SQLite stores keep, so stores on either database return the same strings. Only
 * ever given column names from this code, never input.
 */
export function isoInstantSql(column: string, alias = column.replace(/^\w+\./, '')): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${alias}`;
}

/** isoInstantSql as a fragment for a tagged query. */
export function isoInstant(sql: Sql, column: string, alias?: string) {
  return sql.unsafe(isoInstantSql(column, alias));
}

/** Applies the migrations this database has not had yet, holding a lock other instances wait for. */
async function migrate(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      description text NOT NULL,
      applied_at timestamptz NOT NULL
    )`;
    const applied = new Set((await tx`SELECT version FROM schema_migrations`).map((row) => Number(row['version'])));
    refuseNewerSchema(applied.size ? Math.max(...applied) : undefined, postgresMigrations);
    for (const migration of postgresMigrations) {
      if (applied.has(migration.version)) continue;
      await tx.unsafe(migration.sql).simple();
      await tx`INSERT INTO schema_migrations (version, description, applied_at)
        VALUES (${migration.version}, ${migration.description}, now())`;
    }
  });
}

/**
 * One PostgreSQL database, shared by every server instance (DATABASE_URL). Opening connects
 * nothing: the pool connects on first use, and the schema is brought up to date then, so a
 * server can start while the database is still coming up.
 */
export class PostgresDatabase {
  readonly kind = 'postgres';
  readonly #sql: Sql;
  #migrated: Promise<void> | undefined;

  constructor(options: { url: string; poolSize?: number | undefined }) {
    this.#sql = connect(options.url, options.poolSize ?? 10);
  }

  /**
   * The pool, once the schema is up to date. Stores call this before every query; it migrates
   * once per process. A failure (the database not reachable yet, say) is tried again on the
   * next call rather than kept.
   */
  async sql(): Promise<Sql> {
    this.#migrated ??= migrate(this.#sql).catch((error: unknown) => {
      this.#migrated = undefined;
      throw error;
    });
    await this.#migrated;
    return this.#sql;
  }

  /** Resolves once the database answers and its schema is up to date; rejects when it cannot be reached. */
  async ready(): Promise<void> {
    const sql = await this.sql();
    await sql`SELECT 1`;
  }

  async close(): Promise<void> {
    await this.#sql.end({ timeout: 5 });
  }
}
