/**
 * Staff rows as either database returns them, turned into StaffAccount and StaffSession.
 * Times arrive as ISO 8601 UTC text from both (the PostgreSQL store converts them in SQL);
 * `disabled` is 0 or 1 in SQLite and a boolean in PostgreSQL.
 */
import type { StaffAccount, StaffSession } from './staff-store.ts';

export type StaffRow = Readonly<Record<string, unknown>>;

function text(row: StaffRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`Staff store: column ${column} is not text`);
  return value;
}

function integer(row: StaffRow, column: string): number {
  const value = row[column];
  if (typeof value !== 'number' && typeof value !== 'bigint') throw new Error(`Staff store: column ${column} is not a number`);
  return Number(value);
}

function flag(row: StaffRow, column: string): boolean {
  const value = row[column];
  if (typeof value === 'boolean') return value;
  return integer(row, column) === 1;
}

export function toStaffAccount(row: StaffRow): StaffAccount {
  const lockedUntil = row['locked_until'];
  return {
    username: text(row, 'username'),
    passwordHash: text(row, 'password_hash'),
    disabled: flag(row, 'disabled'),
    failedAttempts: integer(row, 'failed_attempts'),
    lockedUntil: typeof lockedUntil === 'string' ? lockedUntil : undefined,
    signInGeneration: integer(row, 'sign_in_generation'),
    createdAt: text(row, 'created_at'),
  };
}

export function toStaffSession(row: StaffRow): StaffSession {
  return {
    idHash: text(row, 'id_hash'),
    username: text(row, 'username'),
    createdAt: text(row, 'created_at'),
    lastSeenAt: text(row, 'last_seen_at'),
    csrfToken: text(row, 'csrf_token'),
  };
}
