// The feedback store on both databases: SQLite, and a real PostgreSQL started for the run
// (tests/support/postgres-global-setup.ts), as in store-contract.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackStore } from '../../src/lib/feedback/store.ts';
import { storeBackends } from '../support/store-backends.ts';

function clock(start: string) {
  let now = new Date(start);
  return { now: () => new Date(now), set: (instant: string) => (now = new Date(instant)) };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.unavailable)(`${backend.name} feedback store`, () => {
    const time = clock('2026-11-23T10:00:00Z');
    const open = (): FeedbackStore => backend.open({ replyByFor: () => '2026-11-30', now: time.now }).feedback;

    beforeEach(async () => {
      time.set('2026-11-23T10:00:00Z');
      await backend.fresh();
    });
    afterEach(() => backend.cleanup());

    it('keeps answers and reports, and gives them back with their time', async () => {
      const store = open();
      const record = await store.add({ page: '/privacy/', kind: 'problem', problem: 'The link to the ICO is broken.' });
      expect(record).toEqual({ id: expect.any(Number), createdAt: '2026-11-23T10:00:00.000Z', page: '/privacy/', kind: 'problem', problem: 'The link to the ICO is broken.' });
      await store.add({ page: '/privacy/', kind: 'yes' });
      expect(await store.list()).toEqual([record, { id: expect.any(Number), createdAt: '2026-11-23T10:00:00.000Z', page: '/privacy/', kind: 'yes' }]);
    });

    it('lists pages by "No" answers, and problem reports newest first', async () => {
      const store = open();
      for (const [page, kind] of [
        ['/a/', 'no'], ['/b/', 'no'], ['/b/', 'no'], ['/b/', 'yes'], ['/c/', 'yes'], ['/a/', 'problem'],
      ] as const) {
        await store.add(kind === 'problem' ? { page, kind, problem: 'first' } : { page, kind });
      }
      time.set('2026-11-24T09:00:00Z');
      await store.add({ page: '/c/', kind: 'problem', problem: 'second' });
      expect(await store.tallies()).toEqual([
        { page: '/b/', yes: 1, no: 2, problems: 0 },
        { page: '/a/', yes: 0, no: 1, problems: 1 },
        { page: '/c/', yes: 1, no: 0, problems: 1 },
      ]);
      expect((await store.problems()).map((r) => r.problem)).toEqual(['second', 'first']);
      expect((await store.problems({ limit: 1 })).map((r) => r.problem)).toEqual(['second']);
    });

    it('purges feedback older than the days given, and nothing newer', async () => {
      const store = open();
      await store.add({ page: '/old/', kind: 'no' });
      time.set('2027-11-24T10:00:01Z');
      await store.add({ page: '/new/', kind: 'yes' });
      expect(await store.purgeOlderThan(365)).toBe(1);
      expect((await store.list()).map((r) => r.page)).toEqual(['/new/']);
      await expect(store.purgeOlderThan(0)).rejects.toThrow(RangeError);
    });

    it('refuses a report row without its text, or an answer with text, at the database', async () => {
      const store = open();
      await expect(store.add({ page: '/a/', kind: 'problem' })).rejects.toThrow();
      await expect(store.add({ page: '/a/', kind: 'no', problem: 'x' })).rejects.toThrow();
      expect(await store.list()).toEqual([]);
    });

    it('is table version 5 in the schema history', async () => {
      await open().list();
      const rows = await backend.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r['version']))).toContain(5);
    });
  });
}
