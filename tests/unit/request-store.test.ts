import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import bankHolidaysJson from '../../src/content/data/bank-holidays.json';
import { bankHolidaysSchema } from '../../src/lib/schemas/bank-holidays';
import { replyByDate } from '../../src/lib/dates/index.ts';
import { isReference, newReference, normaliseReference, REFERENCE_ALPHABET } from '../../src/lib/requests/reference';
import type { FormatRequest } from '../../src/lib/requests/schema';
import type { RequestStoreRules } from '../../src/lib/requests/store';
import { sqliteStores, type OpenStores } from '../support/stores.ts';
import { requestByPost } from '../support/request-fixtures.ts';

const calendar = bankHolidaysSchema.parse(bankHolidaysJson);
const replyByFor = (receivedAt: Date): string => replyByDate(receivedAt, calendar);

const byPost: FormatRequest = requestByPost;

let dir: string;
let path: string;
const open: OpenStores[] = [];

function openStore(options: Partial<RequestStoreRules> = {}): OpenStores {
  const stores = sqliteStores(path, { replyByFor, ...options });
  open.push(stores);
  return stores;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'request-store-'));
  // A folder that does not exist yet: the store must create it.
  path = join(dir, 'data', 'requests.sqlite');
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('references', () => {
  it('look like AF-2026-4K7Q9M2X and use no 0, O, 1, I or L', () => {
    const reference = newReference(2026);
    expect(reference).toMatch(/^AF-2026-[2-9A-HJKMNP-Z]{8}$/);
    expect(isReference(reference)).toBe(true);
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(31);
  });

  it('use every character evenly, throwing away bytes that would bias them', () => {
    // 248 and above are discarded; 0 maps to "2", 30 to the last character.
    const bytes = [255, 248, 0, 30, 31, 247, 1, 2, 3, 4, 5, 6];
    const reference = newReference(2026, (size) => Uint8Array.from(bytes.splice(0, size)));
    expect(reference).toBe(`AF-2026-2Z2${REFERENCE_ALPHABET[247 % 31]}3456`);
  });

  it('stop a broken random source looping for ever', () => {
    expect(() => newReference(2026, (size) => new Uint8Array(size).fill(255))).toThrow(/random source/);
  });

  it('reject a year that is not four digits', () => {
    expect(() => newReference(26)).toThrow(RangeError);
  });

  it('are recognised only in their exact shape, and normalised from what people type', () => {
    expect(isReference('AF-2026-4K7Q9M2X')).toBe(true);
    expect(isReference('af-2026-4k7q9m2x')).toBe(false);
    expect(isReference('AF-2026-4K7Q9M2O')).toBe(false);
    expect(isReference('AF-2026-4K7Q9M2')).toBe(false);
    expect(normaliseReference(' af-2026-4k7q 9m2x ')).toBe('AF-2026-4K7Q9M2X');
    expect(normaliseReference('AF-2026-0000000')).toBeUndefined();
  });
});

// What both stores must do is in store-contract.test.ts; these are the SQLite file's own duties.
describe('the SQLite database', () => {
  it('creates its folder and keeps the data on disk: a reopened file has the same requests', async () => {
    const first = openStore();
    const record = await first.requests.add(byPost);
    await first.close();
    expect(existsSync(path)).toBe(true);
    const reopened = openStore();
    expect(await reopened.requests.get(record.reference)).toEqual(record);
    expect(await reopened.requests.count()).toBe(1);
  });

  it('runs in WAL mode, which other connections see too', () => {
    openStore();
    const db = new DatabaseSync(path);
    try {
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    } finally {
      db.close();
    }
  });

  it('refuses a newer file when it is opened, before taking any request', async () => {
    await openStore().close();
    const db = new DatabaseSync(path);
    db.prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (99, 'future', 'now')").run();
    db.close();
    expect(() => openStore()).toThrow(/schema version 99/);
  });
});
