import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

import type * as schema from './schema/index.ts';

export type Schema = typeof schema;

/** A drizzle database on either driver (PGlite or postgres.js). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A drizzle transaction on either driver. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
