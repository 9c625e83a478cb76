import { and, eq, inArray, ne } from 'drizzle-orm';

import { can } from '../access/can.ts';
import { tenantResource, type ActingContext, type TenantRef } from '../access/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import {
  categories,
  media,
  contentItems,
  contentRevisions,
  slugRedirects,
  users,
  workflowEvents,
  type ContentType,
} from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { recordMediaUsage } from '../media/delete.ts';
import { effectiveRichTextPolicy } from '../policies/content-rules.ts';
import { editableStates } from '../workflow/transitions.ts';
import {
  contentFieldSchemas,
  mediaIdsOf,
  normaliseStrings,
  type RevisionText,
} from './content-types.ts';
import { findRevision, lockItem, type ItemRow } from './item-records.ts';
import { sanitizeRichText, type RichTextPolicy } from './sanitize.ts';
import { slugify, uniqueSlug } from './slug.ts';

export type ItemDraft = RevisionText & {
  fields: Record<string, unknown>;
  slug?: string | undefined;
  categoryId?: string | null | undefined;
};

function requireContentPermission(
  context: ActingContext,
  tenant: TenantRef,
  action: 'content.create' | 'content.edit',
) {
  if (!can(context.actor, action, tenantResource(tenant))) {
    throw new AppError('forbidden', `You are not allowed to do this (${action})`);
  }
}

/** Validates the type-specific fields; the error names each failed field under `fields.`. */
export function parseFields(type: ContentType, fields: unknown): Record<string, unknown> {
  const parsed = contentFieldSchemas[type].safeParse(fields ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      field: ['fields', ...issue.path].join('.'),
      message: issue.message,
    }));
    throw new AppError(
      'invalid_input',
      `Invalid ${type} fields: ${problems.map((p) => p.field).join(', ')}`,
      {
        fields: problems,
      },
    );
  }

  return normaliseStrings(parsed.data);
}

/** Normalises the text and sanitises the bodies against the tenant's rich-text policy. */
export function cleanText(text: RevisionText, policy: RichTextPolicy) {
  const normalised = normaliseStrings(text);
  return {
    titleVi: normalised.titleVi,
    titleEn: normalised.titleEn ?? null,
    leadVi: normalised.leadVi || null,
    leadEn: normalised.leadEn || null,
    bodyVi: sanitizeRichText(normalised.bodyVi ?? '', policy),
    bodyEn: normalised.bodyEn ? sanitizeRichText(normalised.bodyEn, policy) : null,
  };
}

async function assertCategory(tx: Tx, tenantId: string, categoryId: string | null | undefined) {
  if (!categoryId) {
    return;
  }
  const [category] = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.tenantId, tenantId), eq(categories.id, categoryId)));
  if (!category) {
    throw new AppError('invalid_input', 'No category has this id on this portal', {
      fields: [{ field: 'categoryId', message: 'not found' }],
    });
  }
}

async function isSlugTaken(
  tx: Tx,
  tenantId: string,
  type: ContentType,
  slug: string,
  exceptId?: string,
) {
  const conditions = [
    eq(contentItems.tenantId, tenantId),
    eq(contentItems.type, type),
    eq(contentItems.slug, slug),
  ];
  if (exceptId) {
    conditions.push(ne(contentItems.id, exceptId));
  }
  const [taken] = await tx
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(and(...conditions));
  const [redirect] = await tx
    .select({ itemId: slugRedirects.itemId })
    .from(slugRedirects)
    .where(
      and(
        eq(slugRedirects.tenantId, tenantId),
        eq(slugRedirects.type, type),
        eq(slugRedirects.oldSlug, slug),
      ),
    );

  return Boolean(taken) || Boolean(redirect && redirect.itemId !== exceptId);
}

/**
 * Rejects media ids that this portal's library has no file for, such as another portal's files
 * or the private files sent with feedback.
 */
async function assertMediaExist(tx: Tx, tenantId: string, fields: Record<string, unknown>) {
  const ids = mediaIdsOf(fields);
  if (ids.length === 0) {
    return;
  }
  const found = await tx
    .select({ id: media.id })
    .from(media)
    .where(and(eq(media.tenantId, tenantId), inArray(media.id, ids), eq(media.isPrivate, false)));
  const missing = ids.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) {
    throw new AppError('invalid_input', `No file on this portal has the id ${missing.join(', ')}`, {
      fields: [{ field: 'fields', message: `unknown media ${missing.join(', ')}` }],
    });
  }
}

/** Checks a slug the editor typed: it must already be in slug form and free. */
async function chosenSlug(
  tx: Tx,
  tenantId: string,
  type: ContentType,
  slug: string,
  exceptId?: string,
) {
  if (slug !== slugify(slug)) {
    throw new AppError(
      'invalid_input',
      'The slug must be lower-case ASCII words joined by hyphens',
      {
        fields: [{ field: 'slug', message: `invalid; for example ${slugify(slug)}` }],
      },
    );
  }
  if (await isSlugTaken(tx, tenantId, type, slug, exceptId)) {
    throw new AppError('conflict', `Another ${type} on this portal already uses the slug ${slug}`, {
      fields: [{ field: 'slug', message: 'already in use' }],
    });
  }

  return slug;
}

/** Creates an item with its first revision, in the draft state. */
export async function createItem(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  input: ItemDraft & { type: ContentType },
) {
  requireContentPermission(context, tenant, 'content.create');
  const fields = parseFields(input.type, input.fields);

  return withTenant(db, tenant.id, async (tx) => {
    const text = cleanText(input, await effectiveRichTextPolicy(tx, tenant.id));
    await assertCategory(tx, tenant.id, input.categoryId);
    await assertMediaExist(tx, tenant.id, fields);
    const slug = input.slug
      ? await chosenSlug(tx, tenant.id, input.type, input.slug)
      : await uniqueSlug(slugify(text.titleVi), (candidate) =>
          isSlugTaken(tx, tenant.id, input.type, candidate),
        );
    const [item] = await tx
      .insert(contentItems)
      .values({
        tenantId: tenant.id,
        type: input.type,
        slug,
        status: 'draft',
        categoryId: input.categoryId ?? null,
        createdBy: context.actor.userId,
      })
      .returning();
    const [revision] = await tx
      .insert(contentRevisions)
      .values({
        tenantId: tenant.id,
        itemId: item!.id,
        number: 1,
        ...text,
        fields,
        createdBy: context.actor.userId,
      })
      .returning();
    await tx
      .update(contentItems)
      .set({ currentRevisionId: revision!.id })
      .where(and(eq(contentItems.tenantId, tenant.id), eq(contentItems.id, item!.id)));
    await recordMediaUsage(tx, tenant.id, item!.id, mediaIdsOf(fields));
    await tx.insert(workflowEvents).values({
      tenantId: tenant.id,
      itemId: item!.id,
      action: 'create',
      fromState: null,
      toState: 'draft',
      actorUserId: context.actor.userId,
      revisionId: revision!.id,
    });
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: 'content.create',
      resourceType: input.type,
      resourceId: item!.id,
      after: { slug, titleVi: text.titleVi },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return { item: { ...item!, currentRevisionId: revision!.id }, revision: revision! };
  });
}

/** Throws unless the actor may change the item's text in its current state. */
function assertMayEdit(context: ActingContext, tenant: TenantRef, item: ItemRow) {
  requireContentPermission(context, tenant, 'content.edit');
  if (!editableStates.includes(item.status)) {
    throw new AppError(
      'conflict',
      `An item that is ${item.status} cannot be edited; return it first`,
    );
  }
  // Authors change their own drafts only; the editors handle everything after submission.
  const isEditor = can(context.actor, 'content.review', tenantResource(tenant));
  if (
    !isEditor &&
    (item.createdBy !== context.actor.userId || !['draft', 'returned'].includes(item.status))
  ) {
    throw new AppError('forbidden', 'Authors may change only their own drafts');
  }
}

/** Builds the 409 for a save that started from an older revision, naming who saved the newer one. */
export async function staleSaveError(tx: Tx, tenantId: string, currentRevisionId: string | null) {
  const current = currentRevisionId ? await findRevision(tx, tenantId, currentRevisionId) : null;
  const [author] = current?.createdBy
    ? await tx
        .select({ displayName: users.displayName })
        .from(users)
        .where(eq(users.id, current.createdBy))
    : [];

  return new AppError(
    'conflict',
    `Someone saved a newer version (revision ${current?.number ?? '?'}) while you were editing`,
    {
      fields: [{ field: 'baseRevisionId', message: 'stale' }],
      details: {
        currentRevisionId,
        currentRevisionNumber: current?.number ?? null,
        savedBy: author?.displayName ?? null,
        savedAt: current?.createdAt.toISOString() ?? null,
      },
    },
  );
}

/**
 * Saves a new revision of an item. The save names the revision it was edited from. When a
 * newer one exists, the save is rejected with 409 naming who saved it and when, so nothing is
 * overwritten. A published item keeps its live revision until the new one is published.
 */
export async function saveItem(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  itemId: string,
  input: ItemDraft & { baseRevisionId: string },
) {
  return withTenant(db, tenant.id, async (tx) => {
    const item = await lockItem(tx, tenant.id, itemId);
    assertMayEdit(context, tenant, item);
    if (item.currentRevisionId !== input.baseRevisionId) {
      throw await staleSaveError(tx, tenant.id, item.currentRevisionId);
    }
    const fields = parseFields(item.type, input.fields);
    const text = cleanText(input, await effectiveRichTextPolicy(tx, tenant.id));
    await assertCategory(tx, tenant.id, input.categoryId);
    await assertMediaExist(tx, tenant.id, fields);

    const base = await findRevision(tx, tenant.id, input.baseRevisionId);
    const [revision] = await tx
      .insert(contentRevisions)
      .values({
        tenantId: tenant.id,
        itemId,
        number: (base?.number ?? 0) + 1,
        ...text,
        fields,
        basedOnRevisionId: input.baseRevisionId,
        sourceTenantId: item.sourceTenantId,
        createdBy: context.actor.userId,
      })
      .returning();

    const slug =
      input.slug && input.slug !== item.slug
        ? await chosenSlug(tx, tenant.id, item.type, input.slug, itemId)
        : item.slug;
    if (slug !== item.slug && item.firstPublishedAt) {
      // A published address stays valid: the old slug redirects to the new one.
      await tx
        .insert(slugRedirects)
        .values({ tenantId: tenant.id, type: item.type, oldSlug: item.slug, itemId });
    }
    const [updated] = await tx
      .update(contentItems)
      .set({
        currentRevisionId: revision!.id,
        slug,
        categoryId: input.categoryId === undefined ? item.categoryId : input.categoryId,
        updatedAt: new Date(),
      })
      .where(and(eq(contentItems.tenantId, tenant.id), eq(contentItems.id, itemId)))
      .returning();
    await recordMediaUsage(tx, tenant.id, itemId, mediaIdsOf(fields));
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorUserId: context.actor.userId,
      action: 'content.save',
      resourceType: item.type,
      resourceId: itemId,
      before: { revision: base?.number ?? null, slug: item.slug },
      after: { revision: revision!.number, slug },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });

    return { item: updated!, revision: revision! };
  });
}

/** Saves a copy of an earlier revision as the newest one; history is never rewritten. */
export async function restoreRevision(
  db: Db,
  context: ActingContext,
  tenant: TenantRef,
  itemId: string,
  input: { revisionId: string; baseRevisionId: string },
) {
  const source = await withTenant(db, tenant.id, (tx) =>
    findRevision(tx, tenant.id, input.revisionId),
  );
  if (!source || source.itemId !== itemId) {
    throw new AppError('not_found', 'This item has no revision with this id');
  }

  return saveItem(db, context, tenant, itemId, {
    baseRevisionId: input.baseRevisionId,
    titleVi: source.titleVi,
    titleEn: source.titleEn ?? undefined,
    leadVi: source.leadVi ?? undefined,
    leadEn: source.leadEn ?? undefined,
    bodyVi: source.bodyVi,
    bodyEn: source.bodyEn ?? undefined,
    fields: source.fields,
  });
}
