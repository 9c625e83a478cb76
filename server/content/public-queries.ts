import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';

import {
  contentItems,
  contentRevisions,
  media,
  slugRedirects,
  type ContentType,
  type MediaVariant,
  type WorkflowState,
} from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';

/**
 * The states in which an item's published revision is on the public site. Every public query
 * goes through `isLive`, so this list is the one place that decides it. An item whose take-down
 * was requested stays online until the take-down is approved.
 */
export const liveStates: readonly WorkflowState[] = ['published', 'updated', 'unpublish_requested'];

/** A published item in lists: what a card, a feed entry or a sitemap line needs. */
export type PublishedSummary = {
  id: string;
  type: ContentType;
  slug: string;
  categoryId: string | null;
  /** When the item first went live; lists are ordered and dated by it. */
  firstPublishedAt: Date;
  /** When the revision that is live now was published. */
  publishedAt: Date;
  titleVi: string;
  leadVi: string | null;
  /** The type-specific fields of the live revision, unvalidated: presenters pick from them. */
  fields: Record<string, unknown>;
};

/** A published item with the full text of its live revision, for its own page. */
export type PublishedItem = PublishedSummary & {
  titleEn: string | null;
  leadEn: string | null;
  bodyVi: string;
  bodyEn: string | null;
};

/** A file as public pages link and show it. */
export type PublicMedia = {
  id: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  altVi: string | null;
  altEn: string | null;
  variants: MediaVariant[];
};

const firstPublishedAt = sql<Date>`coalesce(${contentItems.firstPublishedAt}, ${contentItems.publishedAt})`;

const summaryColumns = {
  id: contentItems.id,
  type: contentItems.type,
  slug: contentItems.slug,
  categoryId: contentItems.categoryId,
  firstPublishedAt: firstPublishedAt.mapWith(contentItems.publishedAt),
  publishedAt: contentItems.publishedAt,
  titleVi: contentRevisions.titleVi,
  leadVi: contentRevisions.leadVi,
  fields: contentRevisions.fields,
};

const itemColumns = {
  ...summaryColumns,
  titleEn: contentRevisions.titleEn,
  leadEn: contentRevisions.leadEn,
  bodyVi: contentRevisions.bodyVi,
  bodyEn: contentRevisions.bodyEn,
};

/** Reads one text field of the live revision's type-specific fields. */
export function revisionField(name: string): SQL<string | null> {
  return sql<string | null>`(${contentRevisions.fields} ->> ${name})`;
}

/**
 * Returns the SQL for the day a legal document stopped being in force, as `YYYY-MM-DD`, or
 * null while it is in force. Its expiry date counts once reached. A document marked expired without a date counts
 * from the publication of the revision that is live.
 *
 * NOTE: a later correction republished after the "expired" mark moves that second date forward.
 */
export function expiredSince(today: string): SQL<string | null> {
  const expiresOn = revisionField('expiresOn');
  const publishedDay = sql`to_char(${contentItems.publishedAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;

  return sql<string | null>`(case
    when ${expiresOn} <= ${today} then ${expiresOn}
    when ${revisionField('legalStatus')} = 'expired' then ${publishedDay}
  end)`;
}

/** Returns the condition that an item of this tenant is live with its published revision. */
export function isLive(tenantId: string): SQL {
  return and(
    eq(contentItems.tenantId, tenantId),
    inArray(contentItems.status, [...liveStates]),
    sql`${contentItems.publishedAt} is not null`,
  )!;
}

/**
 * Returns the condition that an item may appear in lists, feeds and the sitemap. Legal
 * documents leave them one year after they stopped being in force, but their own pages stay
 * reachable.
 */
export function isListed(today: string, listCutoff: string): SQL {
  return sql`not coalesce(${contentItems.type} = 'legal_document' and ${expiredSince(today)} < ${listCutoff}, false)`;
}

/** Joins each item to the revision that is live, so drafts never reach a public page. */
function joinLiveRevision() {
  return and(
    eq(contentRevisions.tenantId, contentItems.tenantId),
    eq(contentRevisions.id, contentItems.publishedRevisionId),
  );
}

/** Starts a query of published summaries; callers add conditions with `isLive` and others. */
export function selectPublishedSummaries(tx: Tx) {
  return tx
    .select(summaryColumns)
    .from(contentItems)
    .innerJoin(contentRevisions, joinLiveRevision());
}

export const newestFirst = [desc(firstPublishedAt), desc(contentItems.id)] as const;

/** The day against which "expired for more than a year" is judged, and its cutoff. */
export type ListingDay = { today: string; listCutoff: string };

export type ListPublishedOptions = ListingDay & {
  types?: readonly ContentType[];
  /** Only items in one of these categories. */
  categoryIds?: readonly string[];
  limit: number;
  offset?: number;
};

/** Lists a tenant's published items that lists may show, newest first. */
export async function listPublished(
  tx: Tx,
  tenantId: string,
  options: ListPublishedOptions,
): Promise<PublishedSummary[]> {
  const conditions = [isLive(tenantId), isListed(options.today, options.listCutoff)];
  if (options.types) {
    conditions.push(inArray(contentItems.type, [...options.types]));
  }
  if (options.categoryIds) {
    if (options.categoryIds.length === 0) {
      return [];
    }
    conditions.push(inArray(contentItems.categoryId, [...options.categoryIds]));
  }
  const rows = await selectPublishedSummaries(tx)
    .where(and(...conditions))
    .orderBy(...newestFirst)
    .limit(options.limit)
    .offset(options.offset ?? 0);

  return rows as PublishedSummary[];
}

/** Finds one published item by its type and slug, or returns null. */
export async function findPublished(
  tx: Tx,
  tenantId: string,
  type: ContentType,
  slug: string,
): Promise<PublishedItem | null> {
  const [row] = await tx
    .select(itemColumns)
    .from(contentItems)
    .innerJoin(contentRevisions, joinLiveRevision())
    .where(and(isLive(tenantId), eq(contentItems.type, type), eq(contentItems.slug, slug)))
    .limit(1);

  return (row as PublishedItem | undefined) ?? null;
}

/**
 * Finds the published item that an old slug of this type used to name, so its address can
 * redirect to the current one. Returns null when there is none or it is no longer live.
 */
export async function findRedirectTarget(
  tx: Tx,
  tenantId: string,
  type: ContentType,
  oldSlug: string,
): Promise<PublishedSummary | null> {
  const [row] = await selectPublishedSummaries(tx)
    .innerJoin(
      slugRedirects,
      and(
        eq(slugRedirects.tenantId, contentItems.tenantId),
        eq(slugRedirects.itemId, contentItems.id),
      ),
    )
    .where(
      and(
        isLive(tenantId),
        eq(slugRedirects.type, type),
        eq(slugRedirects.oldSlug, oldSlug),
        eq(contentItems.type, type),
      ),
    )
    .limit(1);

  return (row as PublishedSummary | undefined) ?? null;
}

/** Lists the newest listed items of the same category (or type, without one), not the item. */
export async function listRelated(
  tx: Tx,
  tenantId: string,
  item: { id: string; type: ContentType; categoryId: string | null },
  options: ListingDay & { limit: number },
): Promise<PublishedSummary[]> {
  const sameGroup = item.categoryId
    ? eq(contentItems.categoryId, item.categoryId)
    : eq(contentItems.type, item.type);
  const rows = await selectPublishedSummaries(tx)
    .where(
      and(
        isLive(tenantId),
        isListed(options.today, options.listCutoff),
        sameGroup,
        ne(contentItems.id, item.id),
        ne(contentItems.type, 'work_schedule'),
      ),
    )
    .orderBy(...newestFirst)
    .limit(options.limit);

  return rows as PublishedSummary[];
}

/** Loads this tenant's files with the given ids; ids of other tenants' files find nothing. */
export async function findMedia(
  tx: Tx,
  tenantId: string,
  ids: readonly string[],
): Promise<PublicMedia[]> {
  if (ids.length === 0) {
    return [];
  }

  return tx
    .select({
      id: media.id,
      originalName: media.originalName,
      contentType: media.contentType,
      sizeBytes: media.sizeBytes,
      width: media.width,
      height: media.height,
      altVi: media.altVi,
      altEn: media.altEn,
      variants: media.variants,
    })
    .from(media)
    .where(
      and(eq(media.tenantId, tenantId), inArray(media.id, [...ids]), eq(media.isPrivate, false)),
    );
}

/** One line of the sitemap: the address parts of a published item and when it last changed. */
export type SitemapEntry = {
  type: ContentType;
  slug: string;
  weekStart: string | null;
  publishedAt: Date;
};

/** Lists every listed published item for the sitemap, newest first, up to `limit`. */
export async function listSitemapEntries(
  tx: Tx,
  tenantId: string,
  options: ListingDay & { limit: number },
): Promise<SitemapEntry[]> {
  const rows = await tx
    .select({
      type: contentItems.type,
      slug: contentItems.slug,
      weekStart: revisionField('weekStart'),
      publishedAt: contentItems.publishedAt,
    })
    .from(contentItems)
    .innerJoin(contentRevisions, joinLiveRevision())
    .where(and(isLive(tenantId), isListed(options.today, options.listCutoff)))
    .orderBy(desc(contentItems.publishedAt))
    .limit(options.limit);

  return rows as SitemapEntry[];
}
