import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
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
import { contentItems, contentRevisions } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import type { LegalState } from './item-facts.ts';

/** Legal documents per page of the list. */
export const legalDocumentsPerPage = 20;

const stateParameters = {
  'con-hieu-luc': 'in_force',
  'chua-co-hieu-luc': 'not_yet_in_force',
  'het-hieu-luc': 'expired',
} as const satisfies Record<string, LegalState>;

export type StateParameter = keyof typeof stateParameters;

/** A form submits an empty select as `name=`, which means "no filter". */
const blankAsMissing = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const filterText = z.preprocess(blankAsMissing, z.string().trim().max(300).optional());

/**
 * The query of `/van-ban`, named as the form's fields are. The year is the issue year; the
 * range only rules out values that cannot be a document's year.
 */
export const LegalDocumentQuerySchema = z.object({
  loai: filterText,
  'co-quan': filterText,
  nam: z.preprocess(blankAsMissing, z.coerce.number().int().min(1945).max(2100).optional()),
  'hieu-luc': z.preprocess(
    blankAsMissing,
    z.enum(Object.keys(stateParameters) as [StateParameter, ...StateParameter[]]).optional(),
  ),
  trang: z.preprocess(blankAsMissing, z.coerce.number().int().min(1).max(10_000).optional()),
});

export type LegalDocumentQuery = z.infer<typeof LegalDocumentQuerySchema>;

/** The form label of each query field, for error messages. */
export const legalQueryLabels: Record<keyof LegalDocumentQuery, string> = {
  loai: 'Loại văn bản',
  'co-quan': 'Cơ quan ban hành',
  nam: 'Năm ban hành',
  'hieu-luc': 'Tình trạng hiệu lực',
  trang: 'Số trang',
};

/** One rejected query value, with the message the form shows beside it. */
export type FilterProblem = { field: keyof LegalDocumentQuery; message: string };

const queryFields = Object.keys(LegalDocumentQuerySchema.shape) as (keyof LegalDocumentQuery)[];

/**
 * Validates each filter on its own, so the form keeps the valid ones selected and names every
 * invalid one. Unknown parameters are ignored.
 */
export function parseLegalDocumentQuery(raw: Record<string, string | undefined>): {
  query: Partial<LegalDocumentQuery>;
  problems: FilterProblem[];
} {
  const query: Record<string, unknown> = {};
  const problems: FilterProblem[] = [];
  for (const field of queryFields) {
    const parsed = LegalDocumentQuerySchema.shape[field].safeParse(raw[field]);
    if (parsed.success) {
      query[field] = parsed.data;
      continue;
    }
    const receivedValue = (raw[field] ?? '').slice(0, 60);
    problems.push({
      field,
      message: `${legalQueryLabels[field]} không hợp lệ: “${receivedValue}”. Hãy chọn một giá trị trong danh sách.`,
    });
  }

  return { query: query as Partial<LegalDocumentQuery>, problems };
}

const isMarkedExpired = (today: string) =>
  sql`coalesce(${revisionField('legalStatus')} = 'expired' or ${revisionField('expiresOn')} <= ${today}, false)`;

function stateCondition(state: LegalState, today: string): SQL {
  const effectiveOn = revisionField('effectiveOn');
  if (state === 'expired') {
    return isMarkedExpired(today);
  }
  const started =
    state === 'in_force'
      ? sql`coalesce(${effectiveOn} <= ${today}, false)`
      : sql`coalesce(${effectiveOn} > ${today}, false)`;

  return and(sql`not ${isMarkedExpired(today)}`, started)!;
}

function listedLegalDocuments(tenantId: string, day: ListingDay) {
  return [
    isLive(tenantId),
    eq(contentItems.type, 'legal_document'),
    isListed(day.today, day.listCutoff),
  ];
}

/** Lists the legal documents that match the filters, most recently issued first. */
export async function listLegalDocuments(
  tx: Tx,
  tenantId: string,
  query: LegalDocumentQuery,
  options: ListingDay & { limit: number; offset: number },
): Promise<PublishedSummary[]> {
  const conditions = listedLegalDocuments(tenantId, options);
  if (query.loai) {
    conditions.push(eq(revisionField('documentType'), query.loai));
  }
  if (query['co-quan']) {
    conditions.push(eq(revisionField('issuingAuthority'), query['co-quan']));
  }
  if (query.nam) {
    conditions.push(sql`left(${revisionField('issuedOn')}, 4) = ${String(query.nam)}`);
  }
  if (query['hieu-luc']) {
    conditions.push(stateCondition(stateParameters[query['hieu-luc']], options.today));
  }
  const rows = await selectPublishedSummaries(tx)
    .where(and(...conditions))
    .orderBy(desc(revisionField('issuedOn')), ...newestFirst)
    .limit(options.limit)
    .offset(options.offset);

  return rows as PublishedSummary[];
}

/** The values the filter form offers: those of the documents that the list can show. */
export type LegalDocumentFacets = { types: string[]; authorities: string[]; years: number[] };

export async function loadLegalDocumentFacets(
  tx: Tx,
  tenantId: string,
  day: ListingDay,
): Promise<LegalDocumentFacets> {
  const rows = await tx
    .selectDistinct({
      type: revisionField('documentType'),
      authority: revisionField('issuingAuthority'),
      year: sql<string | null>`left(${revisionField('issuedOn')}, 4)`,
    })
    .from(contentItems)
    .innerJoin(
      contentRevisions,
      and(
        eq(contentRevisions.tenantId, contentItems.tenantId),
        eq(contentRevisions.id, contentItems.publishedRevisionId),
      ),
    )
    .where(and(...listedLegalDocuments(tenantId, day)));

  const distinct = <T>(values: (T | null)[]) => [
    ...new Set(values.filter((value): value is T => value !== null)),
  ];
  const collator = new Intl.Collator('vi');

  return {
    types: distinct(rows.map((row) => row.type)).sort(collator.compare),
    authorities: distinct(rows.map((row) => row.authority)).sort(collator.compare),
    years: distinct(rows.map((row) => (row.year ? Number(row.year) : null)))
      .filter((year) => Number.isInteger(year))
      .sort((a, b) => b - a),
  };
}
