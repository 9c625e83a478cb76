import { and, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';

import type { TenantRef } from '../access/context.ts';
import { feedbackCases } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import { openStates } from './case-labels.ts';
import { listPortalNames, type PortalName } from './portal-names.ts';
import { responsibleTenantId, scopeCondition } from './staff-queries.ts';

/** The figures of one responsible unit over the cases received in a period. */
export type UnitFigures = {
  received: number;
  /** Published by the answer deadline, or published with no deadline set. */
  answeredOnTime: number;
  answeredLate: number;
  /** Not yet published, rejected or merged. */
  open: number;
  /** Open and past the answer deadline. */
  openOverdue: number;
  /** Rejected or merged into another case. */
  closedWithoutAnswer: number;
};

export type UnitStatistics = UnitFigures & { unit: PortalName };

const figureNames = [
  'received',
  'answeredOnTime',
  'answeredLate',
  'open',
  'openOverdue',
  'closedWithoutAnswer',
] as const satisfies readonly (keyof UnitFigures)[];

function countWhere(condition: SQL) {
  return sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
}

/**
 * Counts, per responsible unit, the feedback and petitions a portal's queue received between
 * `start` (included) and `end` (excluded): received, answered on time or late, open, open past
 * the deadline, and closed without an answer. The queue is the one the case list shows (cases
 * the portal received and those forwarded to it), read under its tenant scope, so a unit counts
 * only the cases it can see. Comments on drafts have no answer deadline and are left out.
 */
export async function countCasesByUnit(
  db: Db,
  tenant: TenantRef,
  range: { start: Date; end: Date },
): Promise<{ units: UnitStatistics[]; totals: UnitFigures }> {
  const { status, publishedAt, dueAt } = feedbackCases;
  const isOpen = inArray(status, [...openStates]);

  return withTenant(db, tenant.id, async (tx) => {
    const rows = await tx
      .select({
        unitId: responsibleTenantId,
        received: sql<number>`count(*)`.mapWith(Number),
        answeredOnTime: countWhere(
          sql`${status} = 'published' and (${dueAt} is null or ${publishedAt} <= ${dueAt})`,
        ),
        answeredLate: countWhere(sql`${status} = 'published' and ${publishedAt} > ${dueAt}`),
        open: countWhere(sql`${isOpen}`),
        openOverdue: countWhere(sql`${isOpen} and ${dueAt} < now()`),
        closedWithoutAnswer: countWhere(sql`${status} in ('rejected', 'merged')`),
      })
      .from(feedbackCases)
      .where(
        and(
          scopeCondition(tenant.id, 'all'),
          ne(feedbackCases.kind, 'draft_comment'),
          gte(feedbackCases.receivedAt, range.start),
          lt(feedbackCases.receivedAt, range.end),
        ),
      )
      .groupBy(responsibleTenantId);
    const names = await listPortalNames(
      tx,
      rows.map((row) => row.unitId),
    );

    const units = names.map((unit) => {
      const { unitId: _unitId, ...figures } = rows.find((row) => row.unitId === unit.id)!;
      return { unit, ...figures };
    });
    const totals = Object.fromEntries(
      figureNames.map((name) => [name, units.reduce((sum, unit) => sum + unit[name], 0)]),
    ) as UnitFigures;

    return { units, totals };
  });
}
