import type { Database } from '../storage/index.ts';
import { PostgresStaffStore } from './postgres-staff-store.ts';
import { SqliteStaffStore } from './sqlite-staff-store.ts';
import type { StaffStore } from './staff-store.ts';

/** The staff store for an open connection, whichever engine it is. */
export function staffStoreOn(database: Database): StaffStore {
  return database.kind === 'sqlite' ? new SqliteStaffStore(database) : new PostgresStaffStore(database);
}
