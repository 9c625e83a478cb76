import type { jobs } from '../db/schema/index.ts';

/** One row of the `jobs` table. */
export type Job = typeof jobs.$inferSelect;
