// One behaviour, two databases: every test here runs on the SQLite store and on the
// PostgreSQL store (a real server, started for the run by postgres-global-setup.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import bankHolidaysJson from '../../src/content/data/bank-holidays.json';
import { bankHolidaysSchema } from '../../src/lib/schemas/bank-holidays';
import { OutsideCalendarError, replyByDate } from '../../src/lib/working-days';
import { isReference } from '../../src/lib/requests/reference';
import {
  StatusChangeError,
  type RequestDatabase,
  type RequestStatus,
  type RequestStoreRules,
  type StatusChange,
} from '../../src/lib/requests/store';
import { postgresMigrations } from '../../src/lib/requests/migrations/postgres';
import { sqliteMigrations } from '../../src/lib/requests/migrations/sqlite';
import { requestByEmail, requestByPost } from '../support/request-fixtures.ts';
import { storeBackends } from '../support/store-backends.ts';

const calendar = bankHolidaysSchema.parse(bankHolidaysJson);
const replyByFor = (receivedAt: Date): string => replyByDate(receivedAt, calendar);

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

describe('the two schema histories', () => {
  it('have the same versions, in order from 1, with the same descriptions', () => {
    const summary = (list: typeof sqliteMigrations) => list.map(({ version, description }) => ({ version, description }));
    expect(summary(postgresMigrations)).toEqual(summary(sqliteMigrations));
    expect(sqliteMigrations.map((m) => m.version)).toEqual(sqliteMigrations.map((_, i) => i + 1));
  });
});

for (const backend of storeBackends()) {
  describe.skipIf(backend.unavailable)(`${backend.name} request store`, () => {
    const open = (rules: Partial<RequestStoreRules> = {}): RequestDatabase => backend.open({ replyByFor, ...rules });

    beforeEach(() => backend.fresh());
    afterEach(() => backend.cleanup());

    describe('adding and reading requests', () => {
      it('adds a request and gets it back by reference', async () => {
        const time = clock('2026-11-23T10:00:00Z');
        const store = open({ now: time.now });
        const record = await store.add(requestByEmail);
        expect(isReference(record.reference)).toBe(true);
        expect(record.reference.startsWith('AF-2026-')).toBe(true);
        expect(record).toMatchObject({ createdAt: '2026-11-23T10:00:00.000Z', replyByDate: '2026-11-30', status: 'new' });
        expect(await store.get(record.reference)).toEqual(record);
        expect(await store.get('AF-2026-ZZZZZZZZ')).toBeUndefined();
      });

      it('stores every field, and no field that was not given', async () => {
        const store = open();
        const record = await store.add(requestByPost);
        const found = await store.get(record.reference);
        expect(found?.request).toEqual(requestByPost);
        expect(found?.request.email).toBeUndefined();
      });

      it('keeps text exactly: accents, quotes, line breaks and SQL-looking input', async () => {
        const store = open();
        const tricky = { ...requestByPost, name: "Zoë O'Brien-Łukasz", anythingElse: "Line one\nLine two'); DROP TABLE format_requests; --" };
        const record = await store.add(tricky);
        expect((await store.get(record.reference))?.request).toEqual(tricky);
        expect(await store.count()).toBe(1);
      });

      it('takes the reference year from the date the request arrived', async () => {
        // London is on GMT (= UTC) at new year, so the year turns at UTC midnight.
        const time = clock('2026-12-31T23:59:00Z');
        const store = open({ now: time.now });
        expect((await store.add(requestByEmail)).reference).toMatch(/^AF-2026-/);
        time.set('2027-01-01T00:01:00Z');
        expect((await store.add(requestByEmail)).reference).toMatch(/^AF-2027-/);
      });

      it('lists requests oldest first, filtered by status, and counts them', async () => {
        const time = clock('2026-11-23T10:00:00Z');
        const store = open({ now: time.now });
        time.set('2026-11-24T09:00:00Z');
        const second = await store.add(requestByPost);
        time.set('2026-11-23T10:00:00Z');
        const first = await store.add(requestByEmail);
        expect((await store.list()).map((r) => r.reference)).toEqual([first.reference, second.reference]);
        expect((await store.list({ status: 'new' })).length).toBe(2);
        expect(await store.list({ status: 'sent' })).toEqual([]);
        expect(await store.count()).toBe(2);
      });

      it('gives 500 requests 500 different references', async () => {
        const store = open();
        const references = new Set<string>();
        for (let i = 0; i < 500; i += 1) references.add((await store.add(requestByEmail)).reference);
        expect(references.size).toBe(500);
        expect(await store.count()).toBe(500);
      });

      it('tries a new reference when one is already taken', async () => {
        const made = ['AF-2026-AAAAAAAA', 'AF-2026-AAAAAAAA', 'AF-2026-BBBBBBBB'];
        const store = open({ now: () => new Date('2026-11-23T10:00:00Z'), newReference: () => made.shift() ?? '' });
        expect((await store.add(requestByEmail)).reference).toBe('AF-2026-AAAAAAAA');
        expect((await store.add(requestByPost)).reference).toBe('AF-2026-BBBBBBBB');
        expect(await store.count()).toBe(2);
        expect((await store.get('AF-2026-AAAAAAAA'))?.request).toEqual(requestByEmail);
      });

      it('gives up after five clashes rather than loop', async () => {
        const store = open({ newReference: () => 'AF-2026-AAAAAAAA' });
        await store.add(requestByEmail);
        await expect(store.add(requestByEmail)).rejects.toThrow(/unused reference/);
        expect(await store.count()).toBe(1);
      });

      it('stores nothing when no reply-by date can be promised', async () => {
        const store = open({ now: () => new Date('2028-12-28T12:00:00Z') });
        await expect(store.add(requestByEmail)).rejects.toThrow(OutsideCalendarError);
        expect(await store.count()).toBe(0);
      });
    });

    describe('purging', () => {
      it('deletes requests older than a number of days, with their history, and keeps newer ones', async () => {
        const time = clock('2026-01-05T12:00:00Z');
        const store = open({ now: time.now });
        const old = await store.add(requestByEmail);
        await store.changeStatus(old.reference, { to: 'sent', by: 'sam', note: 'Posted to the address given' });
        time.set('2026-03-01T12:00:00Z');
        const recent = await store.add(requestByPost);
        time.set('2026-04-10T12:00:00Z');
        expect(await store.purgeOlderThan(90)).toBe(1);
        expect(await store.get(old.reference)).toBeUndefined();
        expect(await store.get(recent.reference)).toBeDefined();
        expect(await store.count()).toBe(1);
        expect(await backend.query('SELECT COUNT(*) AS n FROM status_changes')).toEqual([{ n: 0 }]);
        expect(await store.purgeOlderThan(90)).toBe(0);
        await expect(store.purgeOlderThan(-1)).rejects.toThrow(RangeError);
      });
    });

    describe('status changes', () => {
      let now: Date;
      let store: RequestDatabase;
      beforeEach(() => {
        now = new Date('2026-11-23T10:00:00Z');
        store = open({ replyByFor: () => '2026-11-30', now: () => new Date(now) });
      });

      it('change the status and record who, when, from, to and the note', async () => {
        const { reference } = await store.add(requestByEmail);
        now = new Date('2026-11-24T09:30:00Z');
        const entry = await store.changeStatus(reference, { to: 'in-progress', note: '  Asked the print team  ', by: 'sam' });
        expect(entry).toEqual({ at: '2026-11-24T09:30:00.000Z', by: 'sam', from: 'new', to: 'in-progress', note: 'Asked the print team' });
        expect((await store.get(reference))?.status).toBe('in-progress');
        now = new Date('2026-11-25T16:00:00Z');
        await store.changeStatus(reference, { to: 'sent', by: 'alex', from: 'in-progress' });
        expect(await store.auditLog(reference)).toEqual([
          entry,
          { at: '2026-11-25T16:00:00.000Z', by: 'alex', from: 'in-progress', to: 'sent', note: undefined },
        ]);
        expect((await store.list({ status: 'sent' })).map((r) => r.reference)).toEqual([reference]);
      });

      it('keep each request’s history to itself', async () => {
        const a = await store.add(requestByEmail);
        const b = await store.add(requestByPost);
        await store.changeStatus(a.reference, { to: 'closed', by: 'sam' });
        expect(await store.auditLog(b.reference)).toEqual([]);
        expect(await store.auditLog('AF-2026-ZZZZZZZZ')).toEqual([]);
      });

      const refusals: Array<[string, StatusChange, string]> = [
        ['a change to the status it already has', { to: 'new', by: 'sam' }, 'no-change'],
        ['an unknown status', { to: 'replied' as RequestStatus, by: 'sam' }, 'unknown-status'],
        ['an unknown "from"', { to: 'sent', by: 'sam', from: 'lost' as RequestStatus }, 'unknown-status'],
        ['a stale "from" (someone else changed it first)', { to: 'sent', by: 'sam', from: 'in-progress' }, 'stale'],
        ['a note over 500 characters', { to: 'sent', by: 'sam', note: 'x'.repeat(501) }, 'bad-note'],
        ['no author', { to: 'sent', by: '  ' }, 'bad-author'],
      ];

      it.each(refusals)('refuse %s and write nothing', async (_, change, problem) => {
        const { reference } = await store.add(requestByEmail);
        const error = await store.changeStatus(reference, change).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StatusChangeError);
        expect(error).toMatchObject({ problem });
        expect((await store.get(reference))?.status).toBe('new');
        expect(await store.auditLog(reference)).toEqual([]);
      });

      it('accept a note of exactly 500 characters, and say what the status is when they refuse', async () => {
        const { reference } = await store.add(requestByEmail);
        await store.changeStatus(reference, { to: 'sent', by: 'sam', note: 'x'.repeat(500) });
        await expect(store.changeStatus(reference, { to: 'sent', by: 'sam' })).rejects.toMatchObject({ problem: 'no-change', current: 'sent' });
        await expect(store.changeStatus(reference, { to: 'closed', by: 'sam', from: 'new' })).rejects.toMatchObject({
          problem: 'stale',
          current: 'sent',
        });
      });

      it('refuse an unknown reference', async () => {
        await expect(store.changeStatus('AF-2026-ZZZZZZZZ', { to: 'sent', by: 'sam' })).rejects.toMatchObject({ problem: 'not-found' });
      });

      it('write the status and the audit entry in one transaction: if the entry fails, the status does not change', async () => {
        const { reference } = await store.add(requestByEmail);
        await backend.execute(backend.breakAuditSql);
        await expect(store.changeStatus(reference, { to: 'sent', by: 'sam' })).rejects.toThrow(/audit table broken/);
        expect((await store.get(reference))?.status).toBe('new');
        // And the store is left usable.
        await backend.execute(backend.mendAuditSql);
        await store.changeStatus(reference, { to: 'sent', by: 'sam' });
        expect(await store.auditLog(reference)).toHaveLength(1);
      });

      it('made at the same moment from two connections: one wins, the other is told it is stale', async () => {
        const { reference } = await store.add(requestByEmail);
        const other = open();
        const results = await Promise.allSettled([
          store.changeStatus(reference, { to: 'in-progress', by: 'sam', from: 'new' }),
          other.changeStatus(reference, { to: 'closed', by: 'alex', from: 'new' }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = results.find((r) => r.status === 'rejected');
        expect(refused?.reason).toMatchObject({ problem: 'stale' });
        expect(await store.auditLog(reference)).toHaveLength(1);
      });
    });

    describe('two connections to one database (two servers, or a server and the CLI)', () => {
      it('see each other’s writes', async () => {
        const writer = open();
        const reader = open();
        const record = await writer.add(requestByEmail);
        expect(await reader.get(record.reference)).toEqual(record);
        const second = await reader.add(requestByPost);
        expect(await writer.get(second.reference)).toEqual(second);
        expect(await writer.count()).toBe(2);
        await reader.changeStatus(record.reference, { to: 'in-progress', by: 'sam' });
        expect(await writer.auditLog(record.reference)).toHaveLength(1);
      });

      it('give 400 requests sent at once 400 different references, none lost', async () => {
        const stores = [open(), open()];
        const records = await Promise.all(
          Array.from({ length: 400 }, (_, i) => stores[i % 2]!.add(i % 3 ? requestByEmail : requestByPost)),
        );
        expect(new Set(records.map((r) => r.reference)).size).toBe(400);
        expect(await stores[0]!.count()).toBe(400);
        expect(new Set((await stores[1]!.list()).map((r) => r.reference))).toEqual(new Set(records.map((r) => r.reference)));
      });
    });

    describe('schema migrations', () => {
      it('are applied once each, however often and however many at once the database is opened', async () => {
        await Promise.all([open().count(), open().count(), open().count()]);
        await open().count();
        const versions = await backend.query('SELECT version FROM schema_migrations ORDER BY version');
        expect(versions).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
      });

      it('refuse a database written by a newer version of the code', async () => {
        await open().count();
        await backend.execute("INSERT INTO schema_migrations (version, description, applied_at) VALUES (99, 'future', '2030-01-01T00:00:00Z')");
        await expect(async () => {
          const store = open();
          await store.count();
        }).rejects.toThrow(/schema version 99/);
      });
    });

    it('can be closed twice', async () => {
      const store = open();
      await store.count();
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
