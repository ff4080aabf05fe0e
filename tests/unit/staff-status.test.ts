import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  SqliteRequestStore,
  StatusChangeError,
  requestStatuses,
  requestStatusLabels,
  type RequestStatus,
} from '../../src/lib/requests/store';
import { requestByEmail, requestByPost } from '../support/request-fixtures.ts';
import { readRows } from '../support/sqlite.ts';

let dir: string;
let path: string;
let now: Date;
let store: SqliteRequestStore;

function open(): SqliteRequestStore {
  return new SqliteRequestStore({ path, replyByFor: () => '2026-11-30', now: () => new Date(now) });
}

const rows = (sql: string) => readRows(path, sql);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'staff-status-'));
  path = join(dir, 'requests.sqlite');
  now = new Date('2026-11-23T10:00:00Z');
  store = open();
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('statuses', () => {
  it('are new, in progress, sent and closed', () => {
    expect(requestStatuses).toEqual(['new', 'in-progress', 'sent', 'closed']);
    expect(requestStatuses.map((s) => requestStatusLabels[s])).toEqual(['New', 'In progress', 'Sent', 'Closed']);
  });
});

describe('changeStatus', () => {
  it('changes the status and records who, when, from, to and the note', async () => {
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
  });

  it('keeps each request’s history to itself', async () => {
    const a = await store.add(requestByEmail);
    const b = await store.add(requestByPost);
    await store.changeStatus(a.reference, { to: 'closed', by: 'sam' });
    expect(await store.auditLog(b.reference)).toEqual([]);
    expect(await store.auditLog('AF-2026-ZZZZZZZZ')).toEqual([]);
  });

  const refusals: Array<[string, (reference: string) => Parameters<SqliteRequestStore['changeStatus']>[1], string]> = [
    ['a change to the status it already has', () => ({ to: 'new', by: 'sam' }), 'no-change'],
    ['an unknown status', () => ({ to: 'replied' as RequestStatus, by: 'sam' }), 'unknown-status'],
    ['an unknown "from"', () => ({ to: 'sent', by: 'sam', from: 'lost' as RequestStatus }), 'unknown-status'],
    ['a stale "from" (someone else changed it first)', () => ({ to: 'sent', by: 'sam', from: 'in-progress' }), 'stale'],
    ['a note over 500 characters', () => ({ to: 'sent', by: 'sam', note: 'x'.repeat(501) }), 'bad-note'],
    ['no author', () => ({ to: 'sent', by: '  ' }), 'bad-author'],
  ];

  it.each(refusals)('refuses %s and writes nothing', async (_, change, problem) => {
    const { reference } = await store.add(requestByEmail);
    const error = await store.changeStatus(reference, change(reference)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatusChangeError);
    expect(error).toMatchObject({ problem });
    expect((await store.get(reference))?.status).toBe('new');
    expect(await store.auditLog(reference)).toEqual([]);
  });

  it('accepts a note of exactly 500 characters, and says what the status is when it refuses', async () => {
    const { reference } = await store.add(requestByEmail);
    await store.changeStatus(reference, { to: 'sent', by: 'sam', note: 'x'.repeat(500) });
    await expect(store.changeStatus(reference, { to: 'sent', by: 'sam' })).rejects.toMatchObject({ problem: 'no-change', current: 'sent' });
    await expect(store.changeStatus(reference, { to: 'closed', by: 'sam', from: 'new' })).rejects.toMatchObject({ problem: 'stale', current: 'sent' });
  });

  it('refuses an unknown reference', async () => {
    await expect(store.changeStatus('AF-2026-ZZZZZZZZ', { to: 'sent', by: 'sam' })).rejects.toMatchObject({ problem: 'not-found' });
  });

  it('writes the status and the audit entry in one transaction: if the entry fails, the status does not change', async () => {
    const { reference } = await store.add(requestByEmail);
    // Make the audit insert fail inside the transaction.
    const db = new DatabaseSync(path);
    db.exec(`CREATE TRIGGER break_audit BEFORE INSERT ON status_changes BEGIN SELECT RAISE(ABORT, 'audit table broken'); END`);
    db.close();
    await expect(store.changeStatus(reference, { to: 'sent', by: 'sam' })).rejects.toThrow(/audit table broken/);
    expect((await store.get(reference))?.status).toBe('new');
    // And the connection is left usable.
    const db2 = new DatabaseSync(path);
    db2.exec('DROP TRIGGER break_audit');
    db2.close();
    await store.changeStatus(reference, { to: 'sent', by: 'sam' });
    expect(await store.auditLog(reference)).toHaveLength(1);
  });

  it('is seen by a second store on the same file (the CLI and the server)', async () => {
    const { reference } = await store.add(requestByEmail);
    const other = open();
    try {
      await other.changeStatus(reference, { to: 'in-progress', by: 'sam' });
      expect(await store.auditLog(reference)).toHaveLength(1);
      await expect(store.changeStatus(reference, { to: 'sent', by: 'alex', from: 'new' })).rejects.toMatchObject({ problem: 'stale' });
    } finally {
      await other.close();
    }
  });
});

describe('purging', () => {
  it('deletes a request’s history with it', async () => {
    const { reference } = await store.add(requestByEmail);
    await store.changeStatus(reference, { to: 'sent', by: 'sam', note: 'Posted to the address given' });
    now = new Date('2028-01-01T00:00:00Z');
    expect(await store.purgeOlderThan(365)).toBe(1);
    expect(rows('SELECT COUNT(*) AS n FROM status_changes')).toEqual([{ n: 0 }]);
  });
});

describe('migrations', () => {
  it('bring a version 1 file up to date: "replied" becomes "sent", and the new tables appear', async () => {
    await store.close();
    rmSync(path);
    // A file as the first release left it.
    const db = new DatabaseSync(path);
    db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
      CREATE TABLE format_requests (
        id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, reply_by TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'new', document_title TEXT NOT NULL, document_id TEXT, format TEXT NOT NULL,
        format_other TEXT, assistive_technology TEXT, name TEXT NOT NULL, contact_method TEXT NOT NULL, email TEXT,
        phone TEXT, address TEXT, postcode TEXT, anything_else TEXT) STRICT;
      INSERT INTO schema_migrations VALUES (1, 'format_requests table', '2026-01-01T00:00:00Z');
      INSERT INTO format_requests (reference, created_at, reply_by, status, document_title, format, name, contact_method, email)
        VALUES ('AF-2026-AAAAAAAA', '2026-01-05T10:00:00.000Z', '2026-01-12', 'replied', 'A guide', 'audio', 'Pat', 'email', 'pat@example.com');`);
    db.close();
    store = open();
    expect((await store.get('AF-2026-AAAAAAAA'))?.status).toBe('sent');
    expect(rows('SELECT version FROM schema_migrations ORDER BY version').map((r) => r['version'])).toEqual([1, 2, 3]);
    const tables = rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r['name']);
    expect(tables).toEqual(expect.arrayContaining(['status_changes', 'staff_accounts', 'staff_sessions']));
  });
});
