/**
 * The SQLite schema, version by version (see ../migration.ts). Tables are STRICT, times are ISO
 * 8601 UTC text (which sorts in time order) and dates are YYYY-MM-DD text.
 */
import type { Migration } from '../migration.ts';

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'format_requests table',
    sql: `
      CREATE TABLE format_requests (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        reply_by TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'new',
        document_title TEXT NOT NULL,
        document_id TEXT,
        format TEXT NOT NULL,
        format_other TEXT,
        assistive_technology TEXT,
        name TEXT NOT NULL,
        contact_method TEXT NOT NULL,
        email TEXT,
        phone TEXT,
        address TEXT,
        postcode TEXT,
        anything_else TEXT
      ) STRICT;
      CREATE INDEX format_requests_by_status ON format_requests (status, created_at);
      CREATE INDEX format_requests_by_created ON format_requests (created_at);
    `,
  },
  {
    version: 2,
    description: 'statuses new, in-progress, sent, closed; status_changes audit table',
    sql: `
      UPDATE format_requests SET status = 'sent' WHERE status = 'replied';
      CREATE TABLE status_changes (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES format_requests (id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX status_changes_by_request ON status_changes (request_id, id);
    `,
  },
  {
    version: 3,
    description: 'staff_accounts and staff_sessions tables',
    sql: `
      CREATE TABLE staff_accounts (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE staff_sessions (
        id_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        csrf_token TEXT NOT NULL
      ) STRICT;
      CREATE INDEX staff_sessions_by_username ON staff_sessions (username);
      CREATE INDEX staff_sessions_by_last_seen ON staff_sessions (last_seen_at);
    `,
  },
  {
    version: 4,
    description: 'staff_known_addresses table; staff_accounts.sign_in_generation',
    sql: `
      CREATE TABLE staff_known_addresses (
        username TEXT NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
        address_hash TEXT NOT NULL,
        last_signed_in_at TEXT NOT NULL,
        PRIMARY KEY (username, address_hash)
      ) STRICT;
      ALTER TABLE staff_accounts ADD COLUMN sign_in_generation INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 5,
    description: 'page_feedback table',
    sql: `
      CREATE TABLE page_feedback (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        page TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('yes', 'no', 'problem')),
        problem TEXT,
        CHECK ((kind = 'problem') = (problem IS NOT NULL))
      ) STRICT;
      CREATE INDEX page_feedback_by_page ON page_feedback (page, kind);
      CREATE INDEX page_feedback_by_created ON page_feedback (created_at);
    `,
  },
];
