import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import bankHolidaysJson from '../../src/content/data/bank-holidays.json';
import { bankHolidaysSchema } from '../../src/lib/schemas/bank-holidays';
import { OutsideCalendarError, replyByDate } from '../../src/lib/working-days';
import { isReference, newReference, normaliseReference, REFERENCE_ALPHABET } from '../../src/lib/requests/reference';
import type { FormatRequest } from '../../src/lib/requests/schema';
import { SqliteRequestStore, type SqliteRequestStoreOptions } from '../../src/lib/requests/store';
import { requestByEmail, requestByPost } from '../support/request-fixtures.ts';

const calendar = bankHolidaysSchema.parse(bankHolidaysJson);
const replyByFor = (receivedAt: Date): string => replyByDate(receivedAt, calendar);

const byEmail: FormatRequest = requestByEmail;
const byPost: FormatRequest = requestByPost;

/** A clock that the test moves by hand. */
function clock(start: string) {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (instant: string) => {
      now = new Date(instant);
    },
  };
}

let dir: string;
let path: string;
const open: SqliteRequestStore[] = [];

function openStore(options: Partial<SqliteRequestStoreOptions> = {}): SqliteRequestStore {
  const store = new SqliteRequestStore({ path, replyByFor, ...options });
  open.push(store);
  return store;
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

describe('SqliteRequestStore', () => {
  it('adds a request and gets it back by reference', async () => {
    const time = clock('2026-11-23T10:00:00Z');
    const store = openStore({ now: time.now });
    const record = await store.add(byEmail);
    expect(isReference(record.reference)).toBe(true);
    expect(record.reference.startsWith('AF-2026-')).toBe(true);
    expect(record).toMatchObject({ createdAt: '2026-11-23T10:00:00.000Z', replyByDate: '2026-11-30', status: 'new' });
    expect(await store.get(record.reference)).toEqual(record);
    expect(await store.get('AF-2026-ZZZZZZZZ')).toBeUndefined();
  });

  it('stores every field, and no field that was not given', async () => {
    const store = openStore();
    const record = await store.add(byPost);
    const found = await store.get(record.reference);
    expect(found?.request).toEqual(byPost);
    expect(found?.request.email).toBeUndefined();
  });

  it('takes the reference year from the date the request arrived', async () => {
    // London is on GMT (= UTC) at new year, so the year turns at UTC midnight.
    const time = clock('2026-12-31T23:59:00Z');
    const store = openStore({ now: time.now });
    expect((await store.add(byEmail)).reference).toMatch(/^AF-2026-/);
    time.set('2027-01-01T00:01:00Z');
    expect((await store.add(byEmail)).reference).toMatch(/^AF-2027-/);
  });

  it('lists requests oldest first, filtered by status, and counts them', async () => {
    const time = clock('2026-11-23T10:00:00Z');
    const store = openStore({ now: time.now });
    const first = await store.add(byEmail);
    time.set('2026-11-24T09:00:00Z');
    const second = await store.add(byPost);
    expect((await store.list()).map((r) => r.reference)).toEqual([first.reference, second.reference]);
    expect((await store.list({ status: 'new' })).length).toBe(2);
    expect(await store.list({ status: 'sent' })).toEqual([]);
    expect(await store.count()).toBe(2);
  });

  it('purges requests older than a number of days, and keeps newer ones', async () => {
    const time = clock('2026-01-05T12:00:00Z');
    const store = openStore({ now: time.now });
    const old = await store.add(byEmail);
    time.set('2026-03-01T12:00:00Z');
    const recent = await store.add(byPost);
    time.set('2026-04-10T12:00:00Z');
    expect(await store.purgeOlderThan(90)).toBe(1);
    expect(await store.get(old.reference)).toBeUndefined();
    expect(await store.get(recent.reference)).toBeDefined();
    expect(await store.count()).toBe(1);
    expect(await store.purgeOlderThan(90)).toBe(0);
    await expect(store.purgeOlderThan(-1)).rejects.toThrow(RangeError);
  });

  it('gives 2000 requests 2000 different references', async () => {
    const store = openStore();
    const references = new Set<string>();
    for (let i = 0; i < 2000; i += 1) references.add((await store.add(byEmail)).reference);
    expect(references.size).toBe(2000);
    expect(await store.count()).toBe(2000);
  });

  it('tries a new reference when one is already taken', async () => {
    const made = ['AF-2026-AAAAAAAA', 'AF-2026-AAAAAAAA', 'AF-2026-BBBBBBBB'];
    const store = openStore({ now: () => new Date('2026-11-23T10:00:00Z'), newReference: () => made.shift() ?? '' });
    expect((await store.add(byEmail)).reference).toBe('AF-2026-AAAAAAAA');
    expect((await store.add(byPost)).reference).toBe('AF-2026-BBBBBBBB');
    expect(await store.count()).toBe(2);
  });

  it('gives up after five clashes rather than loop', async () => {
    const store = openStore({ newReference: () => 'AF-2026-AAAAAAAA' });
    await store.add(byEmail);
    await expect(store.add(byEmail)).rejects.toThrow(/unused reference/);
    expect(await store.count()).toBe(1);
  });

  it('stores nothing when no reply-by date can be promised', async () => {
    const store = openStore({ now: () => new Date('2028-12-28T12:00:00Z') });
    await expect(store.add(byEmail)).rejects.toThrow(OutsideCalendarError);
    expect(await store.count()).toBe(0);
  });

  it('keeps the data on disk: a reopened file has the same requests', async () => {
    const first = openStore();
    const record = await first.add(byPost);
    await first.close();
    expect(existsSync(path)).toBe(true);
    const reopened = openStore();
    expect(await reopened.get(record.reference)).toEqual(record);
    expect(await reopened.count()).toBe(1);
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

  it('applies each migration once, however often the file is opened', async () => {
    await openStore().close();
    await openStore().close();
    openStore();
    const db = new DatabaseSync(path);
    try {
      expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer version of the code', async () => {
    await openStore().close();
    const db = new DatabaseSync(path);
    db.prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (99, 'future', 'now')").run();
    db.close();
    expect(() => openStore()).toThrow(/schema version 99/);
  });

  it('lets a second store on the same file see the first one\'s writes', async () => {
    const writer = openStore();
    const reader = openStore();
    const record = await writer.add(byEmail);
    expect(await reader.get(record.reference)).toEqual(record);
    const second = await reader.add(byPost);
    expect(await writer.get(second.reference)).toEqual(second);
    expect(await writer.count()).toBe(2);
  });

  it('can be closed twice', async () => {
    const store = openStore();
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
