import { and, desc, ne, sql } from 'drizzle-orm';
import { z } from 'zod';

import {
  isListed,
  isLive,
  newestFirst,
  revisionField,
  selectPublishedSummaries,
  type ListingDay,
  type PublishedSummary,
} from '../content/public-queries.ts';
import { queryRows } from '../db/raw-rows.ts';
import { contentItems, contentRevisions } from '../db/schema/index.ts';
import type { Db, Tx } from '../db/types.ts';

/** Results per page of the search. */
export const searchResultsPerPage = 20;

/** `?q=` of the search page: blank means "show the form only". */
export const SearchQuerySchema = z.object({
  q: z.preprocess(
    (value) => (typeof value === 'string' ? value.normalize('NFC').trim() : value),
    z.string().max(200, 'Từ khóa tìm kiếm dài tối đa 200 ký tự.').default(''),
  ),
  trang: z.coerce.number().int().min(1).max(500).catch(1),
});

/**
 * The text a search matches: title, lead and body of the live revision, and the number,
 * summary and issuing authority of a legal document. The `simple` parser of the
 * `vi_unaccent` configuration drops HTML tags from the body as tokens of their own type.
 */
const searchedText = sql`concat_ws(' ', ${contentRevisions.titleVi}, ${contentRevisions.leadVi},
  ${contentRevisions.bodyVi}, ${revisionField('numberSymbol')}, ${revisionField('summary')},
  ${revisionField('issuingAuthority')})`;
const searchedVector = sql`to_tsvector('public.vi_unaccent', ${searchedText})`;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Databases on which the search functions were found; a missing one is checked again. */
const readyDatabases = new WeakSet<Db>();

/**
 * Checks that the database has `public.f_unaccent(text)` and the `public.vi_unaccent`
 * text-search configuration, which a migration creates.
 */
export async function isSearchReady(db: Db, tx: Tx): Promise<boolean> {
  if (readyDatabases.has(db)) {
    return true;
  }
  const rows = await queryRows<{ ready: boolean }>(
    tx,
    sql`select
    to_regprocedure('public.f_unaccent(text)') is not null
    and exists (select 1 from pg_ts_config c join pg_namespace n on n.oid = c.cfgnamespace
                where c.cfgname = 'vi_unaccent' and n.nspname = 'public') as ready`,
  );
  const isReady = rows[0]?.ready === true;
  if (isReady) {
    readyDatabases.add(db);
  }

  return isReady;
}

/**
 * Searches a tenant's listed published items, ignoring Vietnamese diacritics: full-text
 * matches on every searched field, plus any title that contains the query as it was typed
 * (so a document number such as `146/QĐ-BTTTT` is found). Best matches come first.
 *
 * NOTE: under row-level security, text-search indexes cannot serve as index conditions for
 * `portal_app`. This query therefore scans the tenant's published items, which is an estimate
 * of a cost that suits a ministry portal's few thousand items, not a measured one.
 */
export async function searchPublished(
  tx: Tx,
  tenantId: string,
  text: string,
  options: ListingDay & { limit: number; offset: number },
): Promise<PublishedSummary[]> {
  const query = sql`websearch_to_tsquery('public.vi_unaccent', ${text})`;
  const titleContains = sql`public.f_unaccent(lower(${contentRevisions.titleVi}))
    like '%' || public.f_unaccent(lower(${escapeLike(text)})) || '%'`;
  const rows = await selectPublishedSummaries(tx)
    .where(
      and(
        isLive(tenantId),
        isListed(options.today, options.listCutoff),
        ne(contentItems.type, 'work_schedule'),
        sql`(${searchedVector} @@ ${query} or ${titleContains})`,
      ),
    )
    .orderBy(desc(sql`ts_rank(${searchedVector}, ${query})`), ...newestFirst)
    .limit(options.limit)
    .offset(options.offset);

  return rows as PublishedSummary[];
}
