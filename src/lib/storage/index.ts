/**
 * Storage: the one database every server-side domain keeps its data in (requests, staff, and
 * any domain added later), on SQLite (one file, the default) or PostgreSQL (DATABASE_URL, for
 * several servers). This module owns the connection, the schema migrations and the choice of
 * engine; each domain owns its tables' queries in a store of its own that is handed an open
 * `Database`. Domains never construct each other's stores: whoever needs two composes them
 * (src/lib/runtime.ts does, for the server and the commands).
 *
 * Adding a domain (say page feedback) to the same database:
 *
 * 1. Tables: append the next version (say 4) to BOTH lists, migrations/sqlite.ts and
 *    migrations/postgres.ts, with the same description. Never edit a shipped version. The
 *    connection applies it when it opens (SQLite) or before the first query (PostgreSQL), under
 *    a lock; store-contract.test.ts checks the lists stay in step.
 * 2. A store per engine in the domain's folder, taking the connection, never opening one:
 *      class SqliteFeedbackStore  { constructor(database: SqliteDatabase) }  // database.db: DatabaseSync
 *      class PostgresFeedbackStore { constructor(database: PostgresDatabase) } // await database.sql() before each query
 *    or one function `feedbackStoreOn(database: Database)` that switches on `database.kind`.
 *    Helpers: inWriteTransaction and isUniqueClash (SQLite), isoInstant (PostgreSQL times as
 *    the same ISO text SQLite keeps).
 * 3. Compose it in src/lib/runtime.ts: `feedbackStore ??= feedbackStoreOn(database())`.
 *
 * Nothing here logs, and no error includes DATABASE_URL, which may hold a password.
 */
import { databaseChoice, type DatabaseChoice } from './choice.ts';
import { PostgresDatabase } from './postgres.ts';
import { SqliteDatabase } from './sqlite.ts';

export { databaseChoice, databaseDescription, sqlitePath, type DatabaseChoice } from './choice.ts';
export { latestVersion, type Migration } from './migration.ts';
export { postgresMigrations } from './migrations/postgres.ts';
export { sqliteMigrations } from './migrations/sqlite.ts';
export { connect, isoInstant, isoInstantSql, isPostgresUrl, PostgresDatabase, type Sql } from './postgres.ts';
export { inWriteTransaction, isUniqueClash, SqliteDatabase } from './sqlite.ts';
export { addressSecretFile, keyedHash, postgresAddressSecret, sqliteAddressSecret } from './address-secret.ts';
export { isCreateTableRace } from './create-race.ts';

/** An open database of either engine; `kind` says which. */
export type Database = SqliteDatabase | PostgresDatabase;

/** Opens the chosen database (by default, the one the environment names; see choice.ts). */
export function openDatabase(choice: DatabaseChoice = databaseChoice()): Database {
  return choice.kind === 'sqlite'
    ? new SqliteDatabase({ path: choice.path })
    : new PostgresDatabase({ url: choice.url, poolSize: choice.poolSize });
}
