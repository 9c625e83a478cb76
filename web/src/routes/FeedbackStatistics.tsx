import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, Show } from 'solid-js';

import { BarChart } from '../components/BarChart.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { TextField } from '../components/TextField.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { StatisticsTable, type FeedbackStatistics } from '../feedback/StatisticsTable.tsx';
import { paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';
import '../styles/feedback.css';

/** The period's query parameters: `tu-ngay` and `den-ngay`, both `YYYY-MM-DD`, both included. */
type PeriodParams = { 'tu-ngay'?: string; 'den-ngay'?: string };

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

// `en-CA` writes dates as YYYY-MM-DD.
const vietnamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * Returns today's date in Vietnam as `YYYY-MM-DD`, the calendar the server counts the period in,
 * so a case received just after midnight in Hanoi falls inside "today" wherever the browser is.
 */
function today(): string {
  return vietnamDate.format(new Date());
}

/**
 * The feedback figures of the current portal per responsible unit, for a period of receipt:
 * a table and a bar chart of received, on time, late and open overdue. The period is kept in
 * the address, from the first of January to today unless chosen.
 */
export default function FeedbackStatistics() {
  const { api, scope, i18n } = useApp();
  const [params, setParams] = useSearchParams<PeriodParams>();
  const tenant = () => scope.current();

  const period = createMemo(() => {
    const to = datePattern.test(params['den-ngay'] ?? '') ? params['den-ngay']! : today();
    const from = datePattern.test(params['tu-ngay'] ?? '')
      ? params['tu-ngay']!
      : `${to.slice(0, 4)}-01-01`;
    return { from, to };
  });

  const [statistics, { refetch }] = createResource(
    () => {
      const tenantId = tenant()?.id;
      return tenantId ? { tenantId, ...period() } : undefined;
    },
    (query) => api.call(api.client.GET('/feedback/statistics', { params: { query } })),
  );
  const loaded = (): FeedbackStatistics | undefined =>
    statistics.error ? undefined : statistics.latest;
  const unitNames = () => (loaded()?.units ?? []).map((row) => tenantName(row.unit, i18n.locale()));
  const series = () => {
    const units = loaded()?.units ?? [];
    return [
      { label: i18n.t('feedback.figure.received'), values: units.map((row) => row.received) },
      {
        label: i18n.t('feedback.figure.answeredOnTime'),
        values: units.map((row) => row.answeredOnTime),
      },
      {
        label: i18n.t('feedback.figure.answeredLate'),
        values: units.map((row) => row.answeredLate),
      },
      {
        label: i18n.t('feedback.figure.openOverdue'),
        values: units.map((row) => row.openOverdue),
      },
    ];
  };

  return (
    <>
      <p class="feedback-back">
        <A href={paths.feedback}>{i18n.t('feedback.backToInbox')}</A>
      </p>
      <PageHeading
        title={i18n.t('feedback.statisticsTitle')}
        description={
          tenant()
            ? i18n.t('feedback.statisticsIntro', { portal: tenantName(tenant()!, i18n.locale()) })
            : undefined
        }
      />
      <section class="panel">
        <div class="toolbar" role="group" aria-label={i18n.t('feedback.period')}>
          <TextField
            type="date"
            label={i18n.t('feedback.periodFrom')}
            value={period().from}
            onInput={(value) => setParams({ 'tu-ngay': value || undefined })}
          />
          <TextField
            type="date"
            label={i18n.t('feedback.periodTo')}
            value={period().to}
            onInput={(value) => setParams({ 'den-ngay': value || undefined })}
          />
          <p class="muted toolbar__count" role="status">
            {statistics.loading
              ? i18n.t('common.loading')
              : i18n.t('feedback.statisticsCount', { count: loaded()?.totals.received ?? 0 })}
          </p>
        </div>
        <Show when={statistics.error}>
          <ErrorNotice error={statistics.error} onRetry={() => void refetch()} />
        </Show>
        <Show
          when={(loaded()?.units.length ?? 0) > 0}
          fallback={
            <Show when={!statistics.loading && !statistics.error}>
              <p class="empty">{i18n.t('feedback.statisticsEmpty')}</p>
            </Show>
          }
        >
          <StatisticsTable statistics={loaded()!} />
          <BarChart
            title={i18n.t('feedback.chartTitle')}
            labels={unitNames()}
            series={series()}
            horizontal
            tableLabel={i18n.t('feedback.chartTable')}
          />
        </Show>
      </section>
    </>
  );
}
