/**
 * Vitest global setup: one throwaway PostgreSQL server for the whole run (see postgres.ts).
 * Test files reach it through inject('postgresAdminUrl') and make a database of their own per
 * test. Without PostgreSQL installed the PostgreSQL store tests are skipped and say so,
 * except in CI, where .ci/run installs it and a missing server is a failure.
 */
import type { TestProject } from 'vitest/node';
import { findPostgresBin, startPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The maintenance database's URL, or '' when PostgreSQL is not installed here. */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!findPostgresBin()) {
    if (process.env['CI']) throw new Error('PostgreSQL is needed for the store tests in CI: apt-get install postgresql');
    console.warn('\nPostgreSQL is not installed, so the PostgreSQL store tests are SKIPPED. Install it with: apt-get install postgresql\n');
    project.provide('postgresAdminUrl', '');
    return undefined;
  }
  const server = await startPostgres();
  project.provide('postgresAdminUrl', server.url());
  return () => server.stop();
}
