/**
 * Schema changes for the request database, one list per database engine (sqlite.ts,
 * postgres.ts). Both lists share version numbers and meaning, so "version 3" is the same
 * schema on either. Each store applies the versions it has not yet recorded, in order, at
 * start-up, inside a lock so that two processes starting at once cannot both apply one.
 *
 * Never edit a migration that has shipped: add a new version to both lists instead.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * A database written by a newer version of this code may hold columns this one would
 * silently drop, so the store refuses to open it.
 */
export function refuseNewerSchema(found: number | undefined, migrations: readonly Migration[]): void {
  const known = latestVersion(migrations);
  if (found !== undefined && found > known) {
    throw new Error(`The request store is at schema version ${found}, newer than this code knows (${known})`);
  }
}
