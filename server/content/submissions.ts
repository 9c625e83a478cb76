import { and, desc, eq } from 'drizzle-orm';

import { can } from '../access/can.ts';
import { tenantResource, type ActingContext, type TenantRef } from '../access/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import {
  contentItems,
  contentRevisions,
  tenants,
  workflowEvents,
  type ContentType,
  type Provenance,
} from '../db/schema/index.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { contentFieldSchemas, normaliseStrings, type RevisionText } from './content-types.ts';
import { findRevision, lockItem } from './item-records.ts';
import { parseFields } from './save-items.ts';
import { sanitizeRichText } from './sanitize.ts';
import { slugify, uniqueSlug } from './slug.ts';

export type SubmissionInput = {
  provenance: Omit<Provenance, 'sourceItemId'>;
} & (
  { sourceItemId: string } | (RevisionText & { type: ContentType; fields: Record<string, unknown> })
);

export async function findMainPortal(db: Db): Promise<TenantRef> {
  const [main] = await withoutTenant(db, (tx) =>
    tx
      .select({ id: tenants.id, slug: tenants.slug, kind: tenants.kind })
      .from(tenants)
      .where(eq(tenants.kind, 'main')),
  );
  if (!main) {
    throw new AppError('unavailable', 'The platform has no main portal');
  }

  return main;
}

/** Drops media references: the files stay on the unit's portal, the main portal cannot see them. */
function withoutMedia(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([key]) => !key.endsWith('MediaId') && !key.endsWith('MediaIds')),
  );
}

/**
 * Sends information from a unit to the main portal: a new item, or one of the unit's own
 * published items offered for syndication. The submission belongs to the main portal and
 * carries its provenance (source unit, sender, purpose), because the unit answers for it; the
 * unit can follow it, no other unit can see it.
 */
export async function submitToMainPortal(
  db: Db,
  context: ActingContext,
  unit: TenantRef,
  input: SubmissionInput,
) {
  if (!can(context.actor, 'content.syndicate', tenantResource(unit))) {
    throw new AppError('forbidden', 'You are not allowed to do this (content.syndicate)');
  }
  const main = await findMainPortal(db);
  if (main.id === unit.id) {
    throw new AppError('invalid_input', 'The main portal does not submit to itself', {
      fields: [{ field: 'tenantId', message: 'must be a unit portal' }],
    });
  }

  const source =
    'sourceItemId' in input
      ? await withTenant(db, unit.id, async (tx) => {
          const item = await lockItem(tx, unit.id, input.sourceItemId);
          const revision = item.publishedRevisionId
            ? await findRevision(tx, unit.id, item.publishedRevisionId)
            : null;
          if (!revision || !['published', 'updated'].includes(item.status)) {
            throw new AppError(
              'conflict',
              'Only a published item can be offered to the main portal',
            );
          }
          return { type: item.type, revision };
        })
      : null;
  const type = source?.type ?? ('type' in input ? input.type : 'article');
  const text = source
    ? {
        titleVi: source.revision.titleVi,
        titleEn: source.revision.titleEn,
        leadVi: source.revision.leadVi,
        leadEn: source.revision.leadEn,
        bodyVi: source.revision.bodyVi,
        bodyEn: source.revision.bodyEn,
      }
    : (() => {
        const typed = normaliseStrings(input as RevisionText);
        return {
          titleVi: typed.titleVi,
          titleEn: typed.titleEn ?? null,
          leadVi: typed.leadVi ?? null,
          leadEn: typed.leadEn ?? null,
          bodyVi: sanitizeRichText(typed.bodyVi ?? ''),
          bodyEn: typed.bodyEn ? sanitizeRichText(typed.bodyEn) : null,
        };
      })();
  const fields = withoutMedia(
    source ? source.revision.fields : parseFields(type, 'fields' in input ? input.fields : {}),
  );
  contentFieldSchemas[type].parse(fields);
  const provenance: Provenance = {
    ...normaliseStrings(input.provenance),
    ...(source ? { sourceItemId: 'sourceItemId' in input ? input.sourceItemId : undefined } : {}),
  };

  return withTenant(db, main.id, async (tx) => {
    const slug = await uniqueSlug(slugify(text.titleVi), async (candidate) => {
      const [taken] = await tx
        .select({ id: contentItems.id })
        .from(contentItems)
        .where(
          and(
            eq(contentItems.tenantId, main.id),
            eq(contentItems.type, type),
            eq(contentItems.slug, candidate),
          ),
        );
      return Boolean(taken);
    });
    const [item] = await tx
      .insert(contentItems)
      .values({
        tenantId: main.id,
        type,
        slug,
        status: 'submitted',
        sourceTenantId: unit.id,
        provenance,
        createdBy: context.actor.userId,
      })
      .returning();
    const [revision] = await tx
      .insert(contentRevisions)
      .values({
        tenantId: main.id,
        itemId: item!.id,
        number: 1,
        ...text,
        fields,
        sourceTenantId: unit.id,
        createdBy: context.actor.userId,
      })
      .returning();
    await tx
      .update(contentItems)
      .set({ currentRevisionId: revision!.id })
      .where(and(eq(contentItems.tenantId, main.id), eq(contentItems.id, item!.id)));
    await tx.insert(workflowEvents).values({
      tenantId: main.id,
      itemId: item!.id,
      action: 'submit_from_unit',
      fromState: null,
      toState: 'submitted',
      actorUserId: context.actor.userId,
      note: provenance.purpose,
      revisionId: revision!.id,
      sourceTenantId: unit.id,
    });
    await appendAudit(tx, {
      tenantId: main.id,
      actorUserId: context.actor.userId,
      action: 'content.submit_from_unit',
      resourceType: type,
      resourceId: item!.id,
      after: { sourceTenant: unit.slug, provenance },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return { ...item!, currentRevisionId: revision!.id, titleVi: text.titleVi };
  });
}

/**
 * Lists what a unit has sent to the main portal, with each item's state and the standing
 * section's notes. Runs in the unit's own scope: the rows are visible through the
 * source-unit policy, not through any platform access.
 */
export async function listOwnSubmissions(db: Db, unit: TenantRef) {
  return withTenant(db, unit.id, async (tx) => {
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
      .where(eq(contentItems.sourceTenantId, unit.id))
      .orderBy(desc(contentItems.createdAt));
    const events = await tx
      .select()
      .from(workflowEvents)
      .where(eq(workflowEvents.sourceTenantId, unit.id))
      .orderBy(workflowEvents.occurredAt);

    return rows.map(({ item, titleVi }) => ({
      id: item.id,
      type: item.type,
      titleVi,
      status: item.status,
      provenance: item.provenance,
      dueAt: item.dueAt?.toISOString() ?? null,
      submittedAt: item.createdAt.toISOString(),
      notes: events
        .filter((event) => event.itemId === item.id && event.note)
        .map((event) => ({
          action: event.action,
          note: event.note!,
          occurredAt: event.occurredAt.toISOString(),
        })),
    }));
  });
}
