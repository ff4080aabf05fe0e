import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sqliteStores, type OpenStores } from '../support/stores.ts';
import { requestStatuses, requestStatusLabels } from '../../src/lib/requests/store';
import { readRows } from '../support/sqlite.ts';
import { sqliteMigrations } from '../../src/lib/storage/index.ts';

let dir: string;
let path: string;
let now: Date;
let stores: OpenStores;
let store: OpenStores['requests'];

function open(): OpenStores['requests'] {
  stores = sqliteStores(path, { replyByFor: () => '2026-11-30', now: () => new Date(now) });
  return stores.requests;
}

const rows = (sql: string) => readRows(path, sql);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'staff-status-'));
  path = join(dir, 'requests.sqlite');
  now = new Date('2026-11-23T10:00:00Z');
  store = open();
});

afterEach(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('statuses', () => {
  it('are new, in progress, sent and closed', () => {
    expect(requestStatuses).toEqual(['new', 'in-progress', 'sent', 'closed']);
    expect(requestStatuses.map((s) => requestStatusLabels[s])).toEqual(['New', 'In progress', 'Sent', 'Closed']);
  });
});

// Status changes themselves are tested on both databases in store-contract.test.ts.

describe('migrations', () => {
  it('bring a version 1 file up to date: "replied" becomes "sent", and the new tables appear', async () => {
    await stores.close();
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
    expect(rows('SELECT version FROM schema_migrations ORDER BY version').map((r) => r['version'])).toEqual(sqliteMigrations.map((m) => m.version));
    const tables = rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r['name']);
    expect(tables).toEqual(expect.arrayContaining(['status_changes', 'staff_accounts', 'staff_sessions', 'staff_known_addresses', 'page_feedback']));
  });
});
