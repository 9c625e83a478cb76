import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

import { lockDataFolder } from './pglite-lock.ts';
import * as schema from './schema/index.ts';
import type { Db } from './types.ts';

export const migrationsFolder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations',
);

/** Any advisory lock key will do, as long as every instance uses the same one. */
const migrationLockKey = 7_331_146;

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Where the data lives, for log lines: a folder or the server's host and database. */
  location: string;
  /**
   * Subscribes to a notification channel; `onReconnect` runs after a lost connection comes
   * back, since notifications sent meanwhile are lost. Returns the unsubscribe function.
   */
  listen: (
    channel: string,
    onNotify: (payload: string) => void,
    onReconnect?: () => void,
  ) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
};

export type OpenDatabaseOptions = {
  /** A `postgres://` URL; without one, the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder, or `memory://` for a database that lives only in this process. */
  pgliteFolder: string;
  /** Applies pending migrations before returning; on by default. */
  runMigrations?: boolean;
};

/** The database could not be reached or prepared; the message names the setting to check. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/** Opens the database the configuration names and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const runMigrations = options.runMigrations ?? true;
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, runMigrations);
  }

  return openPglite(options.pgliteFolder, runMigrations);
}

async function openPglite(folder: string, runMigrations: boolean): Promise<Database> {
  const isInMemory = folder.startsWith('memory://');
  const releaseLock = isInMemory ? () => {} : lockDataFolder(folder);
  try {
    const client = await PGlite.create(folder, {
      extensions: { unaccent, pg_trgm },
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    if (runMigrations) {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    }

    return {
      db,
      driver: 'pglite',
      location: folder,
      listen: async (channel, onNotify) => client.listen(channel, onNotify),
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

function describeServer(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the server in DATABASE_URL';
  }
}

async function openPostgres(databaseUrl: string, runMigrations: boolean): Promise<Database> {
  const location = describeServer(databaseUrl);
  const quiet = { onnotice: () => {}, connect_timeout: 10 };

  if (runMigrations) {
    // drizzle's migrator takes no lock, so two instances starting together would race. One
    // connection holds a session advisory lock for the whole run.
    const migrator = postgres(databaseUrl, { ...quiet, max: 1 });
    try {
      await migrator`select pg_advisory_lock(${migrationLockKey})`;
      await migratePostgres(drizzlePostgres(migrator), { migrationsFolder });
      await migrator`select pg_advisory_unlock(${migrationLockKey})`;
    } catch (error) {
      throw toOpenError(error, location);
    } finally {
      await migrator.end({ timeout: 5 });
    }
  }

  const client = postgres(databaseUrl, { ...quiet, max: 10 });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 });
    throw toOpenError(error, location);
  }

  return {
    db: drizzlePostgres(client, { schema }) as unknown as Db,
    driver: 'postgres',
    location,
    listen: async (channel, onNotify, onReconnect) => {
      const subscription = await client.listen(
        channel,
        (payload) => onNotify(payload),
        onReconnect,
      );
      return () => subscription.unlisten();
    },
    close: async () => {
      await client.end({ timeout: 5 });
    },
  };
}

function toOpenError(error: unknown, location: string): Error {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'CONNECT_TIMEOUT') {
    return new DatabaseOpenError(
      `Could not connect to PostgreSQL at ${location} (${code}): check DATABASE_URL and that ` +
        'the server is running.',
      { cause: error },
    );
  }
  if (error instanceof Error && !(error instanceof DatabaseOpenError)) {
    return new DatabaseOpenError(
      `Could not prepare the database at ${location}: ${error.message}`,
      { cause: error },
    );
  }

  return error as Error;
}
