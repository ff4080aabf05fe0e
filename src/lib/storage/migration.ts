/**
 * Schema changes for the one database every domain shares (requests, staff, and any domain
 * added later), one list per engine (migrations/sqlite.ts, migrations/postgres.ts). Both lists
 * share version numbers and meaning, so "version 3" is the same schema on either; a test keeps
 * them in step. Each connection applies the versions it has not yet recorded, in order, when
 * it opens, inside a lock so that two processes starting at once cannot both apply one.
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
 * silently drop, so it is refused when opened.
 */
export function refuseNewerSchema(found: number | undefined, migrations: readonly Migration[]): void {
  const known = latestVersion(migrations);
  if (found !== undefined && found > known) {
    throw new Error(`The database is at schema version ${found}, newer than this code knows (${known})`);
  }
}
