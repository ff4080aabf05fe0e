/**
 * The SQLite database every domain's store shares: one file (node:sqlite), for a single
 * server. Opening it creates the folder, sets the pragmas below and applies any migration the
 * file has not had yet, so a store can query it straight away.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { refuseNewerSchema, type Migration } from './migration.ts';
import { sqliteMigrations } from './migrations/sqlite.ts';

const SQLITE_CONSTRAINT_UNIQUE = 2067;

/** True for an insert refused by a UNIQUE constraint; `column` (like "table.column") narrows it to one. */
export function isUniqueClash(error: unknown, column?: string): boolean {
  return (
    error instanceof Error &&
    'errcode' in error &&
    error.errcode === SQLITE_CONSTRAINT_UNIQUE &&
    (column === undefined || error.message.includes(column))
  );
}

/**
 * Runs `work` holding the write lock (BEGIN IMMEDIATE), so a read and the writes that depend on
 * it cannot interleave with another process; all of it is written, or none.
 */
export function inWriteTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function isInMemory(path: string): boolean {
  return path === ':memory:' || path === '';
}

/** WAL lets readers (staff export) and the writer (the form) work at the same time. */
function useWriteAheadLog(db: DatabaseSync, path: string): void {
  const row = db.prepare('PRAGMA journal_mode = WAL').get();
  const mode = row?.['journal_mode'];
  if (!isInMemory(path) && mode !== 'wal') {
    throw new Error(`Could not switch the database to WAL mode (got "${String(mode)}"): is ${path} on a local disk?`);
  }
}

function migrate(db: DatabaseSync): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const newest = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get()?.['version'];
  refuseNewerSchema(typeof newest === 'number' ? newest : undefined, sqliteMigrations);
  for (const migration of sqliteMigrations) applyOnce(db, migration);
}

function applyOnce(db: DatabaseSync, migration: Migration): void {
  // IMMEDIATE takes the write lock before checking, so two processes opening the same new
  // file at once cannot both apply a migration.
  inWriteTransaction(db, () => {
    const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
    if (applied) return;
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(
      migration.version,
      migration.description,
      new Date().toISOString(),
    );
  });
}

/**
 * The folder and the database are readable by this user only: 0700 for a folder made here,
 * 0600 for the file (made so before SQLite opens it, and tightened if it was looser), which
 * SQLite copies to its -wal and -shm files.
 */
function makePrivate(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

function openFile(path: string, busyTimeoutMs: number): DatabaseSync {
  if (!isInMemory(path)) makePrivate(path);
  const db = new DatabaseSync(path);
  try {
    // Set first: the pragmas below may need a lock another process holds for a moment.
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    useWriteAheadLog(db, path);
    // FULL syncs the log on every commit, so a request survives a power cut once the
    // person has seen their reference number.
    db.exec('PRAGMA synchronous = FULL');
    // Overwrite deleted rows with zeros, so purged personal data does not linger in free pages.
    db.exec('PRAGMA secure_delete = ON');
    // Off by default in SQLite; on, deleting a row also deletes the rows that refer to it.
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** One SQLite file, opened, configured and migrated. A newer schema than this code knows throws. */
export class SqliteDatabase {
  readonly kind = 'sqlite';
  /** The open connection; every store runs its queries on it. */
  readonly db: DatabaseSync;
  readonly path: string;

  constructor(options: { path: string; busyTimeoutMs?: number | undefined }) {
    this.path = options.path;
    this.db = openFile(options.path, options.busyTimeoutMs ?? 5_000);
  }

  /** Resolves once the file can still be read; the constructor already brought it up to date. */
  async ready(): Promise<void> {
    this.db.prepare('SELECT 1 FROM schema_migrations LIMIT 1').get();
  }

  /**
   * Copies the write-ahead log into the main file and empties it, so rows just deleted (a
   * purge of personal data) do not survive in the log.
   */
  checkpoint(): void {
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}
