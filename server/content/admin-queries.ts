import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { diffWords } from 'diff';

import { can } from '../access/can.ts';
import { tenantResource, type ActingContext, type TenantRef } from '../access/context.ts';
import {
  contentItems,
  contentRevisions,
  tenants,
  users,
  type ContentType,
  type WorkflowState,
} from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { transitions, transitionsFrom } from '../workflow/transitions.ts';
import {
  findRevision,
  listEvents,
  listRevisions,
  findItem,
  type ItemRow,
  type RevisionRow,
} from './item-records.ts';

export type ItemFilters = {
  type?: ContentType | undefined;
  status?: WorkflowState | undefined;
  categoryId?: string | undefined;
  createdBy?: string | undefined;
  updatedFrom?: Date | undefined;
  updatedTo?: Date | undefined;
  page: number;
  pageSize: number;
};

/** Lists a portal's items for staff, newest change first, with the current title. */
export async function listItems(db: Db, tenant: TenantRef, filters: ItemFilters) {
  const conditions: SQL[] = [eq(contentItems.tenantId, tenant.id)];
  if (filters.type) conditions.push(eq(contentItems.type, filters.type));
  if (filters.status) conditions.push(eq(contentItems.status, filters.status));
  if (filters.categoryId) conditions.push(eq(contentItems.categoryId, filters.categoryId));
  if (filters.createdBy) conditions.push(eq(contentItems.createdBy, filters.createdBy));
  if (filters.updatedFrom) conditions.push(gte(contentItems.updatedAt, filters.updatedFrom));
  if (filters.updatedTo) conditions.push(lte(contentItems.updatedAt, filters.updatedTo));
  const where = and(...conditions);

  return withTenant(db, tenant.id, async (tx) => {
    const rows = await tx
      .select({ item: contentItems, titleVi: contentRevisions.titleVi })
      .from(contentItems)
      .innerJoin(
        contentRevisions,
        and(
          eq(contentRevisions.tenantId, contentItems.tenantId),
          eq(contentRevisions.id, contentItems.currentRevisionId),
        ),
      )
      .where(where)
      .orderBy(desc(contentItems.updatedAt), desc(contentItems.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize);
    const [total] = await tx.select({ value: count() }).from(contentItems).where(where);

    return {
      items: rows.map(({ item, titleVi }) => presentItem(item, titleVi)),
      total: total?.value ?? 0,
    };
  });
}

export function presentItem(item: ItemRow, titleVi: string) {
  return {
    id: item.id,
    type: item.type,
    slug: item.slug,
    status: item.status,
    titleVi,
    categoryId: item.categoryId,
    sourceTenantId: item.sourceTenantId,
    isSensitive: item.isSensitive,
    dueAt: item.dueAt?.toISOString() ?? null,
    publishAt: item.publishAt?.toISOString() ?? null,
    unpublishAt: item.unpublishAt?.toISOString() ?? null,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    updatedAt: item.updatedAt.toISOString(),
    createdBy: item.createdBy,
  };
}

export function presentRevision(revision: RevisionRow) {
  return {
    id: revision.id,
    number: revision.number,
    titleVi: revision.titleVi,
    titleEn: revision.titleEn,
    leadVi: revision.leadVi,
    leadEn: revision.leadEn,
    bodyVi: revision.bodyVi,
    bodyEn: revision.bodyEn,
    fields: revision.fields,
    basedOnRevisionId: revision.basedOnRevisionId,
    createdBy: revision.createdBy,
    createdAt: revision.createdAt.toISOString(),
  };
}

/** Returns the display names of the given users that still exist, by id. */
async function displayNames(tx: Tx, userIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));

  return new Map(rows.map((row) => [row.id, row.displayName]));
}

/** An item with its current and live revisions, its history and the steps this actor may take. */
export async function getItemDetail(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  itemId: string,
) {
  return withTenant(db, tenant.id, async (tx) => {
    const item = await findItem(tx, tenant.id, itemId);
    const current = item.currentRevisionId
      ? await findRevision(tx, tenant.id, item.currentRevisionId)
      : null;
    const events = await listEvents(tx, tenant.id, itemId);
    const revisions = await listRevisions(tx, tenant.id, itemId);
    const names = await displayNames(tx, [
      ...events.map((event) => event.actorUserId),
      ...revisions.map((revision) => revision.createdBy),
    ]);
    const nameOf = (userId: string | null) => (userId ? (names.get(userId) ?? null) : null);
    const resource = tenantResource(tenant);
    const allowedActions = transitionsFrom(item.status).filter((name) =>
      can(context.actor, transitions[name].permission, resource),
    );

    return {
      item: { ...presentItem(item, current?.titleVi ?? ''), provenance: item.provenance },
      currentRevision: current ? presentRevision(current) : null,
      publishedRevisionId: item.publishedRevisionId,
      revisions: revisions.map((revision) => ({
        id: revision.id,
        number: revision.number,
        createdBy: revision.createdBy,
        createdByName: nameOf(revision.createdBy),
        createdAt: revision.createdAt.toISOString(),
      })),
      events: events.map((event) => ({
        action: event.action,
        fromState: event.fromState,
        toState: event.toState,
        actorUserId: event.actorUserId,
        actorName: nameOf(event.actorUserId),
        note: event.note,
        occurredAt: event.occurredAt.toISOString(),
      })),
      allowedActions,
    };
  });
}

const comparedFields = ['titleVi', 'titleEn', 'leadVi', 'leadEn', 'bodyVi', 'bodyEn'] as const;

/**
 * Compares two revisions of an item field by field, word by word, for a side-by-side view.
 * Type-specific fields are compared as formatted JSON.
 */
export async function diffRevisions(
  db: Db,
  tenant: TenantRef,
  itemId: string,
  fromId: string,
  toId: string,
) {
  const [from, to] = await withTenant(db, tenant.id, async (tx) => [
    await findRevision(tx, tenant.id, fromId),
    await findRevision(tx, tenant.id, toId),
  ]);
  if (!from || !to || from.itemId !== itemId || to.itemId !== itemId) {
    throw new AppError('not_found', 'This item has no revision with one of these ids');
  }
  const pairs: { field: string; before: string; after: string }[] = comparedFields.map((field) => ({
    field,
    before: from[field] ?? '',
    after: to[field] ?? '',
  }));
  pairs.push({
    field: 'fields',
    before: JSON.stringify(from.fields, null, 2),
    after: JSON.stringify(to.fields, null, 2),
  });

  return {
    from: { id: from.id, number: from.number },
    to: { id: to.id, number: to.number },
    fields: pairs.map((pair) => ({
      ...pair,
      isChanged: pair.before !== pair.after,
      parts: diffWords(pair.before, pair.after).map((part) => ({
        value: part.value,
        added: part.added,
        removed: part.removed,
      })),
    })),
  };
}

const queueStates: WorkflowState[] = [
  'submitted',
  'received',
  'classified',
  'editing',
  'in_review',
  'escalated',
];

/**
 * The standing section's queue on the main portal: every item waiting for a step, submissions
 * from every unit included, oldest deadline first.
 */
export async function listReviewQueue(db: Db, main: TenantRef) {
  return withTenant(db, main.id, async (tx) => {
    const rows = await tx
      .select({
        item: contentItems,
        titleVi: contentRevisions.titleVi,
        sourceName: tenants.nameVi,
        sourceSlug: tenants.slug,
      })
      .from(contentItems)
      .innerJoin(
        contentRevisions,
        and(
          eq(contentRevisions.tenantId, contentItems.tenantId),
          eq(contentRevisions.id, contentItems.currentRevisionId),
        ),
      )
      .leftJoin(tenants, eq(tenants.id, contentItems.sourceTenantId))
      .where(and(eq(contentItems.tenantId, main.id), inArray(contentItems.status, queueStates)))
      .orderBy(asc(contentItems.dueAt), asc(contentItems.createdAt));

    return rows.map((row) => ({
      ...presentItem(row.item, row.titleVi),
      source: row.sourceSlug ? { slug: row.sourceSlug, nameVi: row.sourceName } : null,
      provenance: row.item.provenance,
      ageHours: Math.floor((Date.now() - row.item.createdAt.getTime()) / 3_600_000),
      isOverdue: row.item.dueAt ? row.item.dueAt.getTime() < Date.now() : false,
    }));
  });
}
