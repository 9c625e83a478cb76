import { randomBytes } from 'node:crypto';

import postgres from 'postgres';

import { openDatabase, type Database } from '../../server/db/client.ts';

export type TestDatabase = Database & {
  /** The URL of this test's own database on the PostgreSQL server, when one is used. */
  url: string | undefined;
  destroy: () => Promise<void>;
};

/** Whether this run targets the PostgreSQL server named by `DATABASE_URL` instead of PGlite. */
export const isPostgresRun = Boolean(process.env.DATABASE_URL);

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Opens a fresh, migrated database for one test file: an in-memory PGlite by default, or a new
 * database on the server of `DATABASE_URL`, dropped again by `destroy()`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ pgliteFolder: 'memory://' });
    return { ...database, url: undefined, destroy: database.close };
  }

  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = withDatabaseName(serverUrl, name);
  const database = await openDatabase({
    databaseUrl: url,
    pgliteFolder: 'memory://',
  });

  return {
    ...database,
    url,
    destroy: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
