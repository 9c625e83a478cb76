import { Show } from 'solid-js';

import { BarChart } from '../components/BarChart.tsx';
import { useApp } from '../stores/app-context.tsx';
import { waitingByAge } from './compliance-format.ts';
import { findingKinds } from './compliance-sort.ts';
import type { TenantCompliance } from './types.ts';

export type ComplianceChartsProps = { portals: readonly TenantCompliance[] };

/** Open problems per portal, stacked by kind, and the items waiting for review by age. */
export function ComplianceCharts(props: ComplianceChartsProps) {
  const { i18n } = useApp();
  // Portals without a problem would only add empty bars, so the chart leaves them out.
  const withProblems = () =>
    props.portals
      .filter((portal) => portal.counts.findings > 0)
      .sort((a, b) => b.counts.findings - a.counts.findings);
  const waiting = () => waitingByAge(props.portals, i18n.t);
  const waitingTotal = () => waiting().values.reduce((sum, value) => sum + value, 0);

  return (
    <div class="compliance-charts">
      <section class="panel compliance-charts__chart compliance-charts__chart--wide">
        <Show
          when={withProblems().length > 0}
          fallback={
            <>
              <h2 class="panel__title">{i18n.t('compliance.chart.problems')}</h2>
              <p class="muted">{i18n.t('compliance.chart.noProblems')}</p>
            </>
          }
        >
          <BarChart
            title={i18n.t('compliance.chart.problems')}
            tableLabel={i18n.t('compliance.chart.table')}
            labels={withProblems().map((portal) => portal.tenant.nameVi)}
            series={findingKinds.map((kind) => ({
              label: i18n.t(`compliance.column.${kind}`),
              values: withProblems().map((portal) => portal.counts[kind]),
            }))}
            stacked
            horizontal
          />
        </Show>
      </section>
      <section class="panel compliance-charts__chart">
        <Show
          when={waitingTotal() > 0}
          fallback={
            <>
              <h2 class="panel__title">{i18n.t('compliance.chart.waiting')}</h2>
              <p class="muted">{i18n.t('compliance.chart.noWaiting')}</p>
            </>
          }
        >
          <BarChart
            title={i18n.t('compliance.chart.waiting')}
            tableLabel={i18n.t('compliance.chart.table')}
            labels={waiting().labels}
            series={[
              { label: i18n.t('compliance.column.pendingReviews'), values: waiting().values },
            ]}
          />
        </Show>
      </section>
    </div>
  );
}
