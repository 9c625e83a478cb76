import type { RichTextPolicy } from '../content/sanitize.ts';
import { effectiveRichTextPolicy } from '../policies/index.ts';
import {
  findMedia,
  listRelated,
  type ListingDay,
  type PublicMedia,
  type PublishedSummary,
} from '../content/public-queries.ts';
import type { ContentType } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import type { CategoryTree, SiteCategory } from './category-tree.ts';
import { readItemFacts, readMediaReferences, type ItemFacts } from './item-facts.ts';
import { groupByDay, type ScheduleDay } from './work-schedule.ts';

/** The revision text and item details an item page starts from, published or previewed. */
export type ItemSource = {
  id: string;
  type: ContentType;
  categoryId: string | null;
  titleVi: string;
  titleEn: string | null;
  leadVi: string | null;
  leadEn: string | null;
  bodyVi: string;
  bodyEn: string | null;
  fields: Record<string, unknown>;
  /** Absent for a preview of an item that was never published. */
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
};

/** Everything an item page shows, loaded in the request's tenant transaction. */
export type ItemView = ItemSource & {
  facts: ItemFacts | null;
  cover: PublicMedia | undefined;
  gallery: PublicMedia[];
  attachments: PublicMedia[];
  categoryPath: SiteCategory[];
  related: PublishedSummary[];
  /** The week of a work schedule, grouped by day; empty for other types. */
  scheduleDays: ScheduleDay[];
  /** The tenant's rich-text policy in force now, applied again when the body is rendered. */
  richTextPolicy: RichTextPolicy;
};

const relatedLimit = 5;

/** Keeps the order the fields give and drops ids that found no file of this tenant. */
function inOrder(ids: string[], rows: PublicMedia[]): PublicMedia[] {
  return ids.flatMap((id) => rows.filter((row) => row.id === id));
}

/**
 * Loads the files, category path and related items of an item page. Files are looked up in
 * the tenant's transaction, so an id of another portal's file shows nothing.
 */
export async function loadItemView(
  tx: Tx,
  tenantId: string,
  source: ItemSource,
  context: { tree: CategoryTree; day: ListingDay; now: Date },
): Promise<ItemView> {
  const references = readMediaReferences(source.fields);
  const allIds = [
    ...(references.coverId ? [references.coverId] : []),
    ...references.galleryIds,
    ...references.attachmentIds,
  ];
  const files = await findMedia(tx, tenantId, [...new Set(allIds)]);
  const related = await listRelated(tx, tenantId, source, { ...context.day, limit: relatedLimit });
  const cover = references.coverId
    ? files.find((file) => file.id === references.coverId && file.contentType.startsWith('image/'))
    : undefined;
  const weekStart = source.fields.weekStart;
  const richTextPolicy = await effectiveRichTextPolicy(tx, tenantId);

  return {
    richTextPolicy,
    ...source,
    facts: readItemFacts(source.type, source.fields, {
      today: context.day.today,
      instant: context.now,
    }),
    cover,
    gallery: inOrder(references.galleryIds, files).filter((file) =>
      file.contentType.startsWith('image/'),
    ),
    attachments: inOrder(references.attachmentIds, files),
    categoryPath: context.tree.pathTo(source.categoryId),
    related,
    scheduleDays:
      source.type === 'work_schedule' && typeof weekStart === 'string'
        ? groupByDay(weekStart, source.fields.entries)
        : [],
  };
}
