/**
 * The PostgreSQL schema, version by version, matching sqlite.ts (see ../migration.ts). Here
 * times are `timestamptz` and dates are `date`; the store turns them back into the same ISO
 * text the SQLite store returns, so callers cannot tell the two apart.
 */
import type { Migration } from '../migration.ts';

export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'format_requests table',
    sql: `
      CREATE TABLE format_requests (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        reply_by date NOT NULL,
        status text NOT NULL DEFAULT 'new',
        document_title text NOT NULL,
        document_id text,
        format text NOT NULL,
        format_other text,
        assistive_technology text,
        name text NOT NULL,
        contact_method text NOT NULL,
        email text,
        phone text,
        address text,
        postcode text,
        anything_else text
      );
      CREATE INDEX format_requests_by_status ON format_requests (status, created_at);
      CREATE INDEX format_requests_by_created ON format_requests (created_at);
    `,
  },
  {
    version: 2,
    description: 'statuses new, in-progress, sent, closed; status_changes audit table',
    sql: `
      UPDATE format_requests SET status = 'sent' WHERE status = 'replied';
      ALTER TABLE format_requests ADD CONSTRAINT format_requests_status_known
        CHECK (status IN ('new', 'in-progress', 'sent', 'closed'));
      CREATE TABLE status_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id bigint NOT NULL REFERENCES format_requests (id) ON DELETE CASCADE,
        changed_at timestamptz NOT NULL,
        changed_by text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        note text
      );
      CREATE INDEX status_changes_by_request ON status_changes (request_id, id);
    `,
  },
  {
    version: 3,
    description: 'staff_accounts and staff_sessions tables',
    sql: `
      CREATE TABLE staff_accounts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE staff_sessions (
        id_hash text PRIMARY KEY,
        username text NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        csrf_token text NOT NULL
      );
      CREATE INDEX staff_sessions_by_username ON staff_sessions (username);
      CREATE INDEX staff_sessions_by_last_seen ON staff_sessions (last_seen_at);
    `,
  },
  {
    version: 4,
    description: 'staff_known_addresses table; staff_accounts.sign_in_generation',
    sql: `
      CREATE TABLE staff_known_addresses (
        username text NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
        address_hash text NOT NULL,
        last_signed_in_at timestamptz NOT NULL,
        PRIMARY KEY (username, address_hash)
      );
      ALTER TABLE staff_accounts ADD COLUMN sign_in_generation integer NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 5,
    description: 'page_feedback table',
    sql: `
      CREATE TABLE page_feedback (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        created_at timestamptz NOT NULL,
        page text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('yes', 'no', 'problem')),
        problem text,
        CHECK ((kind = 'problem') = (problem IS NOT NULL))
      );
      CREATE INDEX page_feedback_by_page ON page_feedback (page, kind);
      CREATE INDEX page_feedback_by_created ON page_feedback (created_at);
    `,
  },
];
