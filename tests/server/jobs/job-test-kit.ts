import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';

import { queryRows } from '../../../server/db/raw-rows.ts';
import { jobs } from '../../../server/db/schema/index.ts';
import type { Db } from '../../../server/db/types.ts';
import type { Logger } from '../../../server/logger.ts';

export type LogLine = { level: number; msg: string; [field: string]: unknown };

/** Creates a pino logger that keeps every line it writes, parsed, for assertions. */
export function createRecordingLogger(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = pino(
    { level: 'debug' },
    {
      write(line: string) {
        lines.push(JSON.parse(line) as LogLine);
      },
    },
  );

  return { log, lines };
}

/** Creates a promise with its resolve function, since `Promise.withResolvers` needs Node 22. */
export function createDeferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });

  return { promise, resolve };
}

export async function readJob(db: Db, id: string) {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  if (!job) {
    throw new Error(`job ${id} not found`);
  }

  return job;
}

/** Moves a job's `run_at` to the database's current time, as if its wait had passed. */
export async function makeDue(db: Db, id: string): Promise<void> {
  await db
    .update(jobs)
    .set({ runAt: sql`now()` })
    .where(eq(jobs.id, id));
}

/** Returns the seconds from the database's current time until the job's `run_at`. */
export async function secondsUntilRun(db: Db, id: string): Promise<number> {
  const [row] = await queryRows<{ seconds: unknown }>(
    db,
    sql`select extract(epoch from run_at - now()) as seconds from jobs where id = ${id}`,
  );

  return Number(row!.seconds);
}
