import { and, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';

import { users } from '../db/schema/accounts.ts';
import { contentItems, contentRevisions } from '../db/schema/content.ts';
import { media, mediaUsages } from '../db/schema/media.ts';
import { tenantDomains } from '../db/schema/tenants.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { mimeTypesOfKind } from './media-types.ts';
import type { MediaRow } from './upload.ts';

/**
 * The kinds the library filters by. `office` is the word-processing, spreadsheet and
 * presentation formats, and `document` is every `application/` type, PDF included.
 */
export const libraryKinds = ['image', 'pdf', 'office', 'video', 'audio', 'document'] as const;
export type LibraryKind = (typeof libraryKinds)[number];

export type ListMediaQuery = {
  q?: string;
  kind?: LibraryKind;
  /** The first day of uploads shown, `YYYY-MM-DD` in Vietnam's time zone. */
  from?: string;
  /** The last day of uploads shown, `YYYY-MM-DD` in Vietnam's time zone, included. */
  to?: string;
  page: number;
  pageSize: number;
};

/** A media row with the display name of the person who uploaded it. */
export type LibraryRow = MediaRow & { uploaderName: string | null };

/** A content item that uses a file, with the title of its latest revision. */
export type MediaUsageItem = {
  itemId: string;
  type: string;
  slug: string;
  status: string;
  titleVi: string | null;
};

/**
 * Returns the instant a Vietnam calendar day starts. Vietnam keeps UTC+07:00 all year, with no
 * daylight saving time, so a fixed offset is exact.
 */
function startOfVietnamDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);

  return date.toISOString().slice(0, 10);
}

function kindCondition(kind: LibraryKind): SQL {
  switch (kind) {
    case 'image':
    case 'video':
    case 'audio':
      return ilike(media.contentType, `${kind}/%`);
    case 'pdf':
      return eq(media.contentType, 'application/pdf');
    case 'office':
      return inArray(media.contentType, mimeTypesOfKind('document'));
    case 'document':
      return ilike(media.contentType, 'application/%');
  }
}

function listConditions(tenantId: string, query: ListMediaQuery): SQL[] {
  const conditions: SQL[] = [eq(media.tenantId, tenantId), eq(media.isPrivate, false)];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(or(ilike(media.originalName, pattern), ilike(media.altVi, pattern))!);
  }
  if (query.kind) {
    conditions.push(kindCondition(query.kind));
  }
  if (query.from) {
    conditions.push(gte(media.createdAt, startOfVietnamDay(query.from)));
  }
  if (query.to) {
    conditions.push(lt(media.createdAt, startOfVietnamDay(nextDay(query.to))));
  }

  return conditions;
}

const libraryColumns = { row: media, uploaderName: users.displayName };

function toLibraryRow(selected: { row: MediaRow; uploaderName: string | null }): LibraryRow {
  return { ...selected.row, uploaderName: selected.uploaderName };
}

/** Lists one page of a tenant's files, newest first, with the total that match the query. */
export async function listMedia(db: Db, tenantId: string, query: ListMediaQuery) {
  const where = and(...listConditions(tenantId, query));

  return withTenant(db, tenantId, async (tx) => {
    const rows = await tx
      .select(libraryColumns)
      .from(media)
      .leftJoin(users, eq(users.id, media.uploadedBy))
      .where(where)
      .orderBy(desc(media.createdAt), desc(media.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [total] = await tx.select({ value: count() }).from(media).where(where);

    return { rows: rows.map(toLibraryRow), total: total?.value ?? 0 };
  });
}

/**
 * Returns the bytes a tenant's library originals take up together, the figure its quota limits.
 * Files sent with feedback are left out, so the public cannot fill a portal's quota. Their own
 * limits are a few files of a few MiB per submission and the feedback rate limits.
 */
export async function measureStoredBytes(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({ used: sql`coalesce(sum(${media.sizeBytes}), 0)`.mapWith(Number) })
    .from(media)
    .where(and(eq(media.tenantId, tenantId), eq(media.isPrivate, false)));

  return row?.used ?? 0;
}

async function findUsages(tx: Tx, tenantId: string, mediaId: string): Promise<MediaUsageItem[]> {
  return tx
    .select({
      itemId: contentItems.id,
      type: contentItems.type,
      slug: contentItems.slug,
      status: contentItems.status,
      titleVi: contentRevisions.titleVi,
    })
    .from(mediaUsages)
    .innerJoin(
      contentItems,
      and(eq(contentItems.tenantId, mediaUsages.tenantId), eq(contentItems.id, mediaUsages.itemId)),
    )
    .leftJoin(
      contentRevisions,
      and(
        eq(contentRevisions.tenantId, contentItems.tenantId),
        eq(contentRevisions.id, contentItems.currentRevisionId),
      ),
    )
    .where(and(eq(mediaUsages.tenantId, tenantId), eq(mediaUsages.mediaId, mediaId)))
    .orderBy(contentItems.type, contentItems.slug);
}

/**
 * Returns one file of a tenant with the items that use it, published or not. Throws a
 * `not_found` AppError for an id the tenant does not have, another tenant's included.
 */
export async function findMediaDetail(db: Db, tenantId: string, mediaId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [selected] = await tx
      .select(libraryColumns)
      .from(media)
      .leftJoin(users, eq(users.id, media.uploadedBy))
      .where(and(eq(media.tenantId, tenantId), eq(media.id, mediaId), eq(media.isPrivate, false)));
    if (!selected) {
      throw new AppError('not_found', 'No file on this portal has this id');
    }

    return { row: toLibraryRow(selected), usages: await findUsages(tx, tenantId, mediaId) };
  });
}

/** Returns the display name of a user, or null when the id is null or no longer exists. */
export async function findUploaderName(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) {
    return null;
  }
  const [row] = await withoutTenant(db, (tx) =>
    tx.select({ name: users.displayName }).from(users).where(eq(users.id, userId)),
  );

  return row?.name ?? null;
}

/** Returns the canonical host of a tenant, where its public media are served. */
export async function findCanonicalHost(db: Db, tenantId: string): Promise<string> {
  const [row] = await withoutTenant(db, (tx) =>
    tx
      .select({ hostname: tenantDomains.hostname })
      .from(tenantDomains)
      .where(and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.isCanonical, true))),
  );
  if (!row) {
    throw new AppError('not_found', 'This portal has no canonical host');
  }

  return row.hostname;
}
