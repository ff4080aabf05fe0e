import type { Database } from '../storage/index.ts';
import { PostgresRequestStore } from './postgres-request-store.ts';
import { SqliteRequestStore } from './sqlite-request-store.ts';
import type { RequestStore, RequestStoreRules } from './store.ts';

/** The request store for an open connection, whichever engine it is. */
export function requestStoreOn(database: Database, rules: RequestStoreRules): RequestStore {
  return database.kind === 'sqlite' ? new SqliteRequestStore(database, rules) : new PostgresRequestStore(database, rules);
}
