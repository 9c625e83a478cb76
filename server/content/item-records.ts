import { and, desc, eq } from 'drizzle-orm';

import { contentItems, contentRevisions, workflowEvents } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';

export type ItemRow = typeof contentItems.$inferSelect;
export type RevisionRow = typeof contentRevisions.$inferSelect;
export type WorkflowEventRow = typeof workflowEvents.$inferSelect;

/** Loads an item and locks it for the rest of the transaction; another tenant's is not found. */
export async function lockItem(tx: Tx, tenantId: string, itemId: string): Promise<ItemRow> {
  return findItem(tx, tenantId, itemId, { forUpdate: true });
}

/** Loads an item; an item of another tenant is not found. */
export async function findItem(
  tx: Tx,
  tenantId: string,
  itemId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ItemRow> {
  const query = tx
    .select()
    .from(contentItems)
    .where(and(eq(contentItems.tenantId, tenantId), eq(contentItems.id, itemId)));
  const [item] = options.forUpdate ? await query.for('update') : await query;
  if (!item) {
    throw new AppError('not_found', 'No content item has this id on this portal');
  }

  return item;
}

export async function findRevision(tx: Tx, tenantId: string, revisionId: string) {
  const [revision] = await tx
    .select()
    .from(contentRevisions)
    .where(and(eq(contentRevisions.tenantId, tenantId), eq(contentRevisions.id, revisionId)));

  return revision ?? null;
}

export async function listRevisions(tx: Tx, tenantId: string, itemId: string) {
  return tx
    .select()
    .from(contentRevisions)
    .where(and(eq(contentRevisions.tenantId, tenantId), eq(contentRevisions.itemId, itemId)))
    .orderBy(desc(contentRevisions.number));
}

export async function listEvents(tx: Tx, tenantId: string, itemId: string) {
  return tx
    .select()
    .from(workflowEvents)
    .where(and(eq(workflowEvents.tenantId, tenantId), eq(workflowEvents.itemId, itemId)))
    .orderBy(workflowEvents.occurredAt);
}
