import type { Context } from 'hono';
import { z } from 'zod';

import type { AppEnv } from '../app-env.ts';
import { todayInVietnam } from '../site/dates.ts';
import { renderPage, withSite } from '../site/render.tsx';
import type { TenantDirectory } from '../tenancy/tenant-directory.ts';
import { servicePaths } from './paths.ts';
import { unitsOf, withStylesheet } from './public-shared.tsx';
import { loadUnitStatistics } from './statistics.ts';
import { monthsOfYear } from './statistics-figures.ts';
import { StatisticsPage, statisticsParameters } from './statistics-page.tsx';
import { buildStatisticsView } from './statistics-view.ts';

/** How many past years the statistics page offers besides the current one. */
const statisticsYearsBack = 2;

/**
 * The handler of `/thong-ke-ho-so`: one year's figures, of every unit on the main portal (or
 * of the one chosen) and of the portal's own unit elsewhere. Each unit's figures are read in
 * that unit's own tenant scope, one unit after another.
 */
export function createStatisticsHandler(options: { directory: TenantDirectory }) {
  return async function renderStatistics(c: Context<AppEnv>) {
    const { tenant, db } = c.var;
    const isMain = tenant.kind === 'main';
    const today = todayInVietnam();
    const currentYear = Number(today.slice(0, 4));
    const firstYear = currentYear - statisticsYearsBack;
    const year = z.coerce
      .number()
      .int()
      .min(firstYear)
      .max(currentYear)
      .catch(currentYear)
      .parse(c.req.query(statisticsParameters.year));
    const allUnits = await unitsOf(c, options.directory);
    const chosen = isMain
      ? allUnits.find((unit) => unit.slug === c.req.query(statisticsParameters.unit))
      : undefined;
    const units = chosen ? [chosen] : allUnits;

    const months = monthsOfYear(year, today);
    const period = {
      firstMonth: months[0] ?? `${year}-01`,
      lastMonth: months.at(-1) ?? `${year}-01`,
    };
    const statistics = months.length > 0 ? await loadUnitStatistics(db, units, period) : [];
    const view = buildStatisticsView(statistics, months, {
      year,
      showUnits: isMain && !chosen,
      showUnitNames: isMain && !chosen,
    });
    const site = await withSite(c, async (_tx, context) => context);
    const scopeName = chosen?.nameVi ?? (isMain ? 'các đơn vị thuộc Bộ' : tenant.nameVi);

    return renderPage(c, {
      site,
      title: 'Thống kê hồ sơ',
      description: `Số liệu tiếp nhận và giải quyết hồ sơ dịch vụ công của ${scopeName}.`,
      canonicalPath: servicePaths.statistics,
      body: withStylesheet(
        <StatisticsPage
          isMain={isMain}
          year={year}
          years={Array.from({ length: statisticsYearsBack + 1 }, (_, index) => currentYear - index)}
          units={isMain ? allUnits.map((unit) => ({ slug: unit.slug, nameVi: unit.nameVi })) : []}
          unitSlug={chosen?.slug}
          scopeName={scopeName}
          {...view}
        />,
      ),
    });
  };
}
