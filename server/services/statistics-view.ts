import { servicePaths } from './paths.ts';
import type { UnitStatistics } from './statistics.ts';
import {
  emptyFigures,
  figuresOf,
  monthlyFigures,
  type Figures,
  type MonthFigures,
} from './statistics-figures.ts';
import type { FiguresRow } from './statistics-page.tsx';

export type StatisticsView = {
  months: MonthFigures[];
  totals: Figures;
  byUnit: FiguresRow[] | null;
  byService: FiguresRow[];
};

function hasAnyFigure(figures: Figures): boolean {
  return Object.values(figures).some((value) => value > 0);
}

/**
 * Builds the figures of the statistics page from each unit's tallies: by month over all the
 * units, by unit when the main portal shows several, and by service for every service with a
 * figure in the period.
 */
export function buildStatisticsView(
  statistics: readonly UnitStatistics[],
  months: readonly string[],
  options: { year: number; showUnits: boolean; showUnitNames: boolean },
): StatisticsView {
  const firstMonth = months[0];
  const lastMonth = months[months.length - 1];
  if (!firstMonth || !lastMonth) {
    return {
      months: [],
      totals: emptyFigures(),
      byUnit: options.showUnits ? [] : null,
      byService: [],
    };
  }
  const allTallies = statistics.flatMap((unit) => unit.tallies);
  // Units without services, most of the ministry's, would only add rows of zeros.
  const byUnit = statistics
    .filter((unit) => unit.services.length > 0)
    .map((unit) => ({
      label: unit.unit.nameVi,
      href: `${servicePaths.statistics}?nam=${options.year}&don-vi=${encodeURIComponent(unit.unit.slug)}`,
      figures: figuresOf(unit.tallies, firstMonth, lastMonth),
    }));
  const byService = statistics.flatMap((unit) =>
    unit.services.map((service) => ({
      label: options.showUnitNames ? `${service.nameVi} (${unit.unit.nameVi})` : service.nameVi,
      figures: figuresOf(
        unit.tallies.filter((tally) => tally.serviceId === service.id),
        firstMonth,
        lastMonth,
      ),
    })),
  );

  return {
    months: monthlyFigures(allTallies, months),
    totals: figuresOf(allTallies, firstMonth, lastMonth),
    byUnit: options.showUnits ? byUnit : null,
    byService: byService.filter((row) => hasAnyFigure(row.figures)),
  };
}
