/**
 * Which database the server and the commands use, read from the environment: PostgreSQL when
 * DATABASE_URL is set (for several servers sharing one database), and otherwise the SQLite
 * file `${DATA_DIR}/requests.sqlite` (the name it has always had, so existing data is kept).
 */
import { resolve } from 'node:path';

type Env = Record<string, string | undefined>;

export type DatabaseChoice = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize: number };

const defaultPoolSize = 10;

/**
 * `${DATA_DIR}/requests.sqlite`, relative to the working directory. An empty DATA_DIR counts
 * as unset: `DATA_DIR=` in an env file should not put personal data in the app folder itself.
 */
export function sqlitePath(env: Env = process.env): string {
  const dataDir = env['DATA_DIR'] || 'data';
  return resolve(process.cwd(), dataDir, 'requests.sqlite');
}

/**
 * PostgreSQL when DATABASE_URL is set (an empty value counts as unset), with up to
 * DATABASE_POOL_SIZE connections; otherwise SQLite under DATA_DIR.
 */
export function databaseChoice(env: Env = process.env): DatabaseChoice {
  const url = env['DATABASE_URL'];
  if (!url) return { kind: 'sqlite', path: sqlitePath(env) };
  const poolText = env['DATABASE_POOL_SIZE'];
  const poolSize = poolText ? Number(poolText) : defaultPoolSize;
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 100) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 100; got "${poolText}"`);
  }
  return { kind: 'postgres', url, poolSize };
}

/** Where the data is kept, in words safe to print: never the URL, which may hold a password. */
export function databaseDescription(env: Env = process.env): string {
  const choice = databaseChoice(env);
  return choice.kind === 'sqlite' ? choice.path : 'the PostgreSQL database in DATABASE_URL';
}
