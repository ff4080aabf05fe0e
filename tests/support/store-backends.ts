/**
 * The two request databases, for tests that must pass on both: SQLite in a temporary file, and
 * PostgreSQL in a new database on the run's throwaway server (postgres-global-setup.ts). Each
 * test calls `fresh()` for an empty database; `open()` may then be called more than once to
 * get a second connection to the same one, as a second server or the CLI would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { RequestStoreRules } from '../../src/lib/requests/store.ts';
import { PostgresDatabase, SqliteDatabase } from '../../src/lib/storage/index.ts';
import { readRows } from './sqlite.ts';
import { storesOn, type OpenStores } from './stores.ts';

export interface StoreBackend {
  name: 'SQLite' | 'PostgreSQL';
  /** True when this database cannot be tested here (PostgreSQL not installed); its tests are skipped. */
  unavailable: boolean;
  /** The SQLite file (SQLite only), for tests that read its bytes. */
  file(): string;
  /** The database's URL (PostgreSQL only), for tests that hand it to another process as DATABASE_URL. */
  url(): string;
  /** A new, empty database for the next `open()` calls. */
  fresh(): Promise<void>;
  /** A new connection with the stores of every domain on it, closed by cleanup(). */
  open(rules: RequestStoreRules): OpenStores;
  /** Runs SQL straight on the database, as another program would; numbers come back as numbers. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Runs statements that write, outside any store. */
  execute(sql: string): Promise<void>;
  /** SQL, in this database's dialect, that makes every audit entry insert fail, and undoes that. */
  breakAuditSql: string;
  mendAuditSql: string;
  /** Closes everything opened and deletes the database. */
  cleanup(): Promise<void>;
}

function sqliteBackend(): StoreBackend {
  let dir: string | undefined;
  let path = '';
  const opened: OpenStores[] = [];
  return {
    name: 'SQLite',
    unavailable: false,
    file: () => path,
    url: () => {
      throw new Error('A SQLite database has no URL');
    },
    async fresh() {
      dir = mkdtempSync(join(tmpdir(), 'store-contract-'));
      path = join(dir, 'requests.sqlite');
    },
    open(rules) {
      const stores = storesOn(new SqliteDatabase({ path }), rules);
      opened.push(stores);
      return stores;
    },
    async query(sql) {
      return readRows(path, sql);
    },
    async execute(sql) {
      const db = new DatabaseSync(path);
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    breakAuditSql: `CREATE TRIGGER break_audit BEFORE INSERT ON status_changes BEGIN SELECT RAISE(ABORT, 'audit table broken'); END`,
    mendAuditSql: 'DROP TRIGGER break_audit',
    async cleanup() {
      for (const store of opened.splice(0)) await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    },
  };
}

function postgresBackend(adminUrl: string): StoreBackend {
  let url = '';
  let name = '';
  const opened: OpenStores[] = [];
  const admin = () => postgres(adminUrl, { max: 1, onnotice: () => {} });
  const numbersAsNumbers = (row: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
  return {
    name: 'PostgreSQL',
    unavailable: adminUrl === '',
    file: () => {
      throw new Error('A PostgreSQL database is not a file');
    },
    url: () => url,
    async fresh() {
      name = `store_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const sql = admin();
      try {
        await sql.unsafe(`CREATE DATABASE ${name}`);
      } finally {
        await sql.end();
      }
      url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
    },
    open(rules) {
      const stores = storesOn(new PostgresDatabase({ url, poolSize: 4 }), rules);
      opened.push(stores);
      return stores;
    },
    async query(text) {
      const sql = postgres(url, { max: 1, onnotice: () => {}, types: { bigint: postgres.BigInt } });
      try {
        return (await sql.unsafe(text)).map(numbersAsNumbers);
      } finally {
        await sql.end();
      }
    },
    async execute(text) {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(text).simple();
      } finally {
        await sql.end();
      }
    },
    breakAuditSql: `CREATE FUNCTION break_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit table broken'; END $$;
      CREATE TRIGGER break_audit BEFORE INSERT ON status_changes FOR EACH ROW EXECUTE FUNCTION break_audit();`,
    mendAuditSql: 'DROP TRIGGER break_audit ON status_changes; DROP FUNCTION break_audit();',
    async cleanup() {
      for (const store of opened.splice(0)) await store.close();
      if (!name) return;
      const sql = admin();
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await sql.end();
      }
      name = '';
    },
  };
}

/** SQLite and PostgreSQL, in that order. */
export function storeBackends(): StoreBackend[] {
  return [sqliteBackend(), postgresBackend(inject('postgresAdminUrl'))];
}
