import { and, desc, eq, isNotNull } from 'drizzle-orm';

import { contentItems, contentRevisions, type ContentType } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';

/** The fields of a published item that public pages render. */
export type PublishedItem = {
  id: string;
  type: ContentType;
  slug: string;
  publishedAt: Date;
  updatedAt: Date;
  titleVi: string;
  titleEn: string | null;
  leadVi: string | null;
  leadEn: string | null;
  bodyVi: string;
  bodyEn: string | null;
};

const publishedColumns = {
  id: contentItems.id,
  type: contentItems.type,
  slug: contentItems.slug,
  publishedAt: contentItems.publishedAt,
  updatedAt: contentItems.updatedAt,
  titleVi: contentRevisions.titleVi,
  titleEn: contentRevisions.titleEn,
  leadVi: contentRevisions.leadVi,
  leadEn: contentRevisions.leadEn,
  bodyVi: contentRevisions.bodyVi,
  bodyEn: contentRevisions.bodyEn,
};

/** Joins each item to the revision that is live, so drafts never reach a public page. */
function selectPublished(tx: Tx) {
  return tx
    .select(publishedColumns)
    .from(contentItems)
    .innerJoin(
      contentRevisions,
      and(
        eq(contentRevisions.tenantId, contentItems.tenantId),
        eq(contentRevisions.id, contentItems.publishedRevisionId),
      ),
    );
}

function isPublished(tenantId: string, type: ContentType) {
  return and(
    eq(contentItems.tenantId, tenantId),
    eq(contentItems.type, type),
    eq(contentItems.status, 'published'),
    isNotNull(contentItems.publishedAt),
  );
}

export type ListPublishedOptions = {
  type: ContentType;
  limit: number;
  offset?: number;
};

/** Lists a tenant's published items of one type, newest first. */
export async function listPublished(
  tx: Tx,
  tenantId: string,
  options: ListPublishedOptions,
): Promise<PublishedItem[]> {
  const rows = await selectPublished(tx)
    .where(isPublished(tenantId, options.type))
    .orderBy(desc(contentItems.publishedAt), desc(contentItems.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);

  return rows as PublishedItem[];
}

/** Finds one published item by its slug, or returns null. */
export async function findPublished(
  tx: Tx,
  tenantId: string,
  type: ContentType,
  slug: string,
): Promise<PublishedItem | null> {
  const [row] = await selectPublished(tx)
    .where(and(isPublished(tenantId, type), eq(contentItems.slug, slug)))
    .limit(1);

  return (row as PublishedItem | undefined) ?? null;
}
