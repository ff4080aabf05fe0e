/**
 * The secret that addresses are hashed with (HMAC-SHA-256), so that a stored hash of an IPv4
 * address (there are only 2^32 of them) cannot be reversed by hashing every address. Made at
 * first start and kept beside the database:
 * - SQLite: the file `address-key` in the database's folder, 0600, made once (a second
 *   process opening the same folder reads the one the first made);
 * - PostgreSQL: one row of `site_secrets`, made with INSERT ... ON CONFLICT DO NOTHING, so
 *   every server sharing the database uses the same secret.
 * An in-memory SQLite database gets a secret for the life of the process.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Sql } from './postgres.ts';
import { isCreateTableRace } from './create-race.ts';

export const addressSecretFile = 'address-key';

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The secret beside the SQLite file at `databasePath`, made if there is none yet. */
export function sqliteAddressSecret(databasePath: string): string {
  if (databasePath === ':memory:' || databasePath === '') return newSecret();
  const path = join(dirname(databasePath), addressSecretFile);
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, `${newSecret()}\n`);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A process that lost the race may read before the winner has written: try a few times.
  for (let i = 0; i < 50; i += 1) {
    const text = readFileSync(path, 'utf8').trim();
    if (text !== '') return text;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
  throw new Error(`The address key file ${addressSecretFile} is empty`);
}

/** The secret in PostgreSQL, made by whichever server asks first. */
export async function postgresAddressSecret(sql: Sql): Promise<string> {
  try {
    await sql.unsafe('CREATE TABLE IF NOT EXISTS site_secrets (name text PRIMARY KEY, value text NOT NULL)');
  } catch (error) {
    if (!isCreateTableRace(error)) throw error;
  }
  await sql.unsafe("INSERT INTO site_secrets (name, value) VALUES ('address-key', $1) ON CONFLICT (name) DO NOTHING", [newSecret()]);
  const rows = await sql.unsafe("SELECT value FROM site_secrets WHERE name = 'address-key'");
  return String(rows[0]?.['value']);
}

/** HMAC-SHA-256 of `value` with `secret`, as hex. */
export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}
