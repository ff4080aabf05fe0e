import { existsSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';

/** Rows from a request store, read through a connection of its own that can never write. */
export function readRows(file: string, sql: string, ...params: SQLInputValue[]): Record<string, unknown>[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}

/** Every reference in a request store; none when the store has not been created yet. */
export function storedReferences(file: string): string[] {
  if (!existsSync(file)) return [];
  return readRows(file, 'SELECT reference FROM format_requests').map((r) => String(r['reference']));
}
