import { readFileSync } from 'node:fs';
import path from 'node:path';

import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

import { DatabaseOpenError, migrationsFolder, openDatabase } from '../../../server/db/client.ts';
import { queryRows } from '../../../server/db/raw-rows.ts';
import { isPostgresRun } from '../../helpers/database.ts';

describe('openDatabase', () => {
  it('names DATABASE_URL when the server cannot be reached', async () => {
    // Port 1 on loopback has no listener, so the connection is refused at once.
    const attempt = openDatabase({
      databaseUrl: 'postgres://portal@127.0.0.1:1/portal',
      pgliteFolder: 'memory://',
    });

    await expect(attempt).rejects.toThrow(DatabaseOpenError);
    await expect(attempt).rejects.toThrow(/127\.0\.0\.1:1\/portal .*check DATABASE_URL/);
  });
});

describe.skipIf(!isPostgresRun)('migrations on PostgreSQL', () => {
  const serverUrl = process.env.DATABASE_URL ?? '';
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `portal_migrate_${Date.now()}`;

  afterAll(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('serialises two instances that start at once', async () => {
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;

    const [first, second] = await Promise.all([
      openDatabase({ databaseUrl: url.toString(), pgliteFolder: 'memory://' }),
      openDatabase({ databaseUrl: url.toString(), pgliteFolder: 'memory://' }),
    ]);
    const applied = await queryRows<{ total: number }>(
      first.db,
      sql`select count(*)::int as total from drizzle.__drizzle_migrations`,
    );
    await first.close();
    await second.close();

    const journal = JSON.parse(
      readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
    ) as { entries: unknown[] };

    // Each migration is recorded once: the second instance waited and found nothing to do.
    expect(applied[0]?.total).toBe(journal.entries.length);
  });
});
