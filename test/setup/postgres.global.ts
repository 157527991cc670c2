/**
 * Vitest global setup: one PostgreSQL server for the whole run (TEST_DATABASE_URL, or an
 * embedded one started here). Tests never skip PostgreSQL: if no server can be had, the
 * run fails here and says why.
 */
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from '../helpers/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
