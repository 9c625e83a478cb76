import { and, desc, eq, inArray, sql } from 'drizzle-orm';

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
  type WorkflowState,
} from '../db/schema/index.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { contentFieldSchemas, normaliseStrings, type RevisionText } from './content-types.ts';
import { findRevision, lockItem } from './item-records.ts';
import { cleanText, parseFields, staleSaveError } from './save-items.ts';
import { sanitizeRichText } from './sanitize.ts';
import { effectiveRichTextPolicy } from '../policies/content-rules.ts';
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

/** States in which a submission is still with the standing section or back with the unit. */
const pendingStates: readonly WorkflowState[] = [
  'submitted',
  'received',
  'classified',
  'editing',
  'in_review',
  'escalated',
  'approved',
  'scheduled',
  'returned',
];

/**
 * Rejects offering a unit's item again while an earlier offer of it is still pending, since the
 * standing section would otherwise handle two copies. A returned offer is sent again with
 * `resubmitToMainPortal` instead.
 */
async function assertNotPending(tx: Tx, mainId: string, unitId: string, sourceItemId: string) {
  const [pending] = await tx
    .select({ id: contentItems.id, status: contentItems.status })
    .from(contentItems)
    .where(
      and(
        eq(contentItems.tenantId, mainId),
        eq(contentItems.sourceTenantId, unitId),
        sql`${contentItems.provenance}->>'sourceItemId' = ${sourceItemId}`,
        inArray(contentItems.status, [...pendingStates]),
      ),
    );
  if (pending) {
    throw new AppError(
      'conflict',
      `This item was already sent to the main portal and is ${pending.status} there`,
      { details: { submissionId: pending.id, status: pending.status } },
    );
  }
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
    if (provenance.sourceItemId) {
      await assertNotPending(tx, main.id, unit.id, provenance.sourceItemId);
    }
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

export type ResubmissionInput = RevisionText & {
  baseRevisionId: string;
  fields: Record<string, unknown>;
  note?: string;
};

/**
 * Loads one of the unit's submissions with its current text and its workflow events, for the
 * unit to read the standing section's notes and revise. Runs in the unit's scope, so a
 * submission of another unit is not found.
 */
export async function getOwnSubmission(db: Db, unit: TenantRef, itemId: string) {
  return withTenant(db, unit.id, async (tx) => {
    const [item] = await tx
      .select()
      .from(contentItems)
      .where(and(eq(contentItems.id, itemId), eq(contentItems.sourceTenantId, unit.id)));
    if (!item) {
      throw new AppError('not_found', 'This unit has sent no submission with this id');
    }
    const revision = item.currentRevisionId
      ? await findRevision(tx, item.tenantId, item.currentRevisionId)
      : null;
    const events = await tx
      .select()
      .from(workflowEvents)
      .where(and(eq(workflowEvents.itemId, item.id), eq(workflowEvents.sourceTenantId, unit.id)))
      .orderBy(workflowEvents.occurredAt);

    return {
      item: {
        id: item.id,
        type: item.type,
        status: item.status,
        provenance: item.provenance,
        dueAt: item.dueAt?.toISOString() ?? null,
        submittedAt: item.createdAt.toISOString(),
        updatedAt: item.updatedAt.toISOString(),
      },
      revision: revision && {
        id: revision.id,
        number: revision.number,
        titleVi: revision.titleVi,
        titleEn: revision.titleEn,
        leadVi: revision.leadVi,
        leadEn: revision.leadEn,
        bodyVi: revision.bodyVi,
        bodyEn: revision.bodyEn,
        fields: revision.fields,
        createdAt: revision.createdAt.toISOString(),
      },
      events: events.map((event) => ({
        action: event.action,
        fromState: event.fromState,
        toState: event.toState,
        note: event.note,
        occurredAt: event.occurredAt.toISOString(),
      })),
    };
  });
}

/**
 * Sends a returned submission back to the standing section with revised text. Only the unit
 * that sent it may do so, only while it is returned, and only from the revision the unit last
 * read: a stale base gets the same 409 as a stale save. The new revision and the state change
 * are written in one transaction with a workflow event and an audit entry.
 */
export async function resubmitToMainPortal(
  db: Db,
  context: ActingContext,
  unit: TenantRef,
  itemId: string,
  input: ResubmissionInput,
) {
  if (!can(context.actor, 'content.syndicate', tenantResource(unit))) {
    throw new AppError('forbidden', 'You are not allowed to do this (content.syndicate)');
  }
  const main = await findMainPortal(db);

  return withTenant(db, main.id, async (tx) => {
    // Another unit's submission looks exactly like one that does not exist.
    const [item] = await tx
      .select()
      .from(contentItems)
      .where(
        and(
          eq(contentItems.tenantId, main.id),
          eq(contentItems.id, itemId),
          eq(contentItems.sourceTenantId, unit.id),
        ),
      )
      .for('update');
    if (!item) {
      throw new AppError('not_found', 'This unit has sent no submission with this id');
    }
    if (item.status !== 'returned') {
      throw new AppError(
        'conflict',
        `Only a returned submission can be sent again; this one is ${item.status}`,
      );
    }
    if (item.currentRevisionId !== input.baseRevisionId) {
      throw await staleSaveError(tx, main.id, item.currentRevisionId);
    }
    const fields = withoutMedia(parseFields(item.type, input.fields));
    const text = cleanText(input, await effectiveRichTextPolicy(tx, main.id));
    const base = await findRevision(tx, main.id, input.baseRevisionId);
    const [revision] = await tx
      .insert(contentRevisions)
      .values({
        tenantId: main.id,
        itemId,
        number: (base?.number ?? 0) + 1,
        ...text,
        fields,
        basedOnRevisionId: input.baseRevisionId,
        sourceTenantId: unit.id,
        createdBy: context.actor.userId,
      })
      .returning();
    const [updated] = await tx
      .update(contentItems)
      .set({ currentRevisionId: revision!.id, status: 'submitted', updatedAt: new Date() })
      .where(and(eq(contentItems.tenantId, main.id), eq(contentItems.id, itemId)))
      .returning();
    await tx.insert(workflowEvents).values({
      tenantId: main.id,
      itemId,
      action: 'resubmit_from_unit',
      fromState: 'returned',
      toState: 'submitted',
      actorUserId: context.actor.userId,
      note: input.note || null,
      revisionId: revision!.id,
      sourceTenantId: unit.id,
    });
    await appendAudit(tx, {
      tenantId: main.id,
      actorUserId: context.actor.userId,
      action: 'content.resubmit_from_unit',
      resourceType: item.type,
      resourceId: itemId,
      before: { status: 'returned', revision: base?.number ?? null },
      after: { status: 'submitted', revision: revision!.number, sourceTenant: unit.slug },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return { item: updated!, revision: revision! };
  });
}
