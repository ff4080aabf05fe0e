/**
 * Issue 23, low 10: the data folder is made 0700 and the SQLite files 0600, so no other user
 * of the host can read the requests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '../../src/lib/storage/index.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the SQLite database on disk', () => {
  it('is made in a 0700 folder, as 0600 files, the write-ahead log included', async () => {
    dir = mkdtempSync(join(tmpdir(), 'modes-'));
    const dataDir = join(dir, 'data', 'nested');
    const path = join(dataDir, 'requests.sqlite');
    const database = new SqliteDatabase({ path });
    database.db.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('personal')");
    expect(mode(join(dir, 'data'))).toBe(0o700);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-wal`)).toBe(0o600);
    await database.close();
  });

  it('tightens a file that was made readable by everyone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'modes-'));
    const path = join(dir, 'requests.sqlite');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    const database = new SqliteDatabase({ path });
    expect(mode(path)).toBe(0o600);
    await database.close();
  });
});
