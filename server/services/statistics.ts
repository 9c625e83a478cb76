import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';

import { dossiers, services, type DossierState } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { calendarTimeZone } from '../workflow/calendar.ts';
import { lastDayOf, monthStartOf } from './local-time.ts';
import type { DossierTally } from './statistics-figures.ts';

/** A period of whole months, both ends included, as `YYYY-MM`. */
export type MonthPeriod = { firstMonth: string; lastMonth: string };

/**
 * Counts a unit's dossiers that matter for the period, grouped by service, month of receipt,
 * month of finishing and status. Only counts leave the database: this is the narrow path that
 * public statistics read dossiers through.
 */
export async function loadDossierTallies(
  tx: Tx,
  tenantId: string,
  period: MonthPeriod,
): Promise<DossierTally[]> {
  const receivedMonth = sql<string>`to_char(${dossiers.receivedOn}, 'YYYY-MM')`;
  // The zone is written into the SQL, not bound: GROUP BY must see the select's expression
  // exactly, and two bound parameters count as different expressions.
  const zone = sql.raw(`'${calendarTimeZone}'`);
  const finishedMonth = sql<
    string | null
  >`to_char(${dossiers.finishedAt} at time zone ${zone}, 'YYYY-MM')`;
  const rows = await tx
    .select({
      serviceId: dossiers.serviceId,
      receivedMonth,
      finishedMonth,
      status: dossiers.status,
      count: sql<number>`count(*)::int`,
    })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.tenantId, tenantId),
        lte(dossiers.receivedOn, lastDayOf(period.lastMonth)),
        or(isNull(dossiers.finishedAt), gte(dossiers.finishedAt, monthStartOf(period.firstMonth))),
      ),
    )
    .groupBy(dossiers.serviceId, receivedMonth, finishedMonth, dossiers.status);

  return rows.map((row) => ({
    serviceId: row.serviceId,
    receivedMonth: row.receivedMonth,
    finishedMonth: row.finishedMonth,
    status: row.status as DossierState,
    count: Number(row.count),
  }));
}

export type ServiceName = { id: string; code: string; nameVi: string; procedureName: string };

/** Lists the names of a unit's own services, published or not, for the statistics tables. */
export async function loadServiceNames(tx: Tx, tenantId: string): Promise<ServiceName[]> {
  return tx
    .select({
      id: services.id,
      code: services.code,
      nameVi: services.nameVi,
      procedureName: services.procedureName,
    })
    .from(services)
    .where(eq(services.tenantId, tenantId))
    .orderBy(services.nameVi);
}

export type UnitRef = { id: string; slug: string; nameVi: string };
export type UnitStatistics = { unit: UnitRef; tallies: DossierTally[]; services: ServiceName[] };

/**
 * Loads the statistics of each unit inside that unit's own tenant scope, one after another.
 * The main portal's all-unit view is built this way because anonymous visitors may not enter
 * the platform scope, which would let a query read every unit's dossiers.
 */
export async function loadUnitStatistics(
  db: Db,
  units: readonly UnitRef[],
  period: MonthPeriod,
): Promise<UnitStatistics[]> {
  const results: UnitStatistics[] = [];
  for (const unit of units) {
    results.push(
      await withTenant(db, unit.id, async (tx) => ({
        unit,
        tallies: await loadDossierTallies(tx, unit.id, period),
        services: await loadServiceNames(tx, unit.id),
      })),
    );
  }

  return results;
}
