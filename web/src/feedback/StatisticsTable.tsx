import { For } from 'solid-js';

import type { paths } from '../api/schema';
import { tenantName } from '../components/tenant-name.ts';
import type { MessageKey } from '../i18n/create-i18n.ts';
import { useApp } from '../stores/app-context.tsx';

export type FeedbackStatistics =
  paths['/feedback/statistics']['get']['responses'][200]['content']['application/json'];
type Figures = FeedbackStatistics['totals'];

/** The figures in the order of the table's columns, with their headings. */
export const figureColumns: readonly { name: keyof Figures; label: MessageKey }[] = [
  { name: 'received', label: 'feedback.figure.received' },
  { name: 'answeredOnTime', label: 'feedback.figure.answeredOnTime' },
  { name: 'answeredLate', label: 'feedback.figure.answeredLate' },
  { name: 'open', label: 'feedback.figure.open' },
  { name: 'openOverdue', label: 'feedback.figure.openOverdue' },
  { name: 'closedWithoutAnswer', label: 'feedback.figure.closedWithoutAnswer' },
];

export type StatisticsTableProps = { statistics: FeedbackStatistics };

/** One row per responsible unit and a totals row, each figure in its own column. */
export function StatisticsTable(props: StatisticsTableProps) {
  const { i18n } = useApp();

  return (
    <div class="table-wrap feedback-figures-wrap">
      <table class="table table--stack feedback-figures">
        <caption class="visually-hidden">{i18n.t('feedback.statisticsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('feedback.responsibleUnit')}</th>
            <For each={figureColumns}>
              {(column) => (
                <th scope="col" class="numeric">
                  {i18n.t(column.label)}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.statistics.units}>
            {(row) => (
              <tr>
                <th scope="row" data-label={i18n.t('feedback.responsibleUnit')}>
                  {tenantName(row.unit, i18n.locale())}
                </th>
                <For each={figureColumns}>
                  {(column) => (
                    <td class="numeric" data-label={i18n.t(column.label)}>
                      {row[column.name]}
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" data-label={i18n.t('feedback.responsibleUnit')}>
              {i18n.t('feedback.totals')}
            </th>
            <For each={figureColumns}>
              {(column) => (
                <td class="numeric" data-label={i18n.t(column.label)}>
                  {props.statistics.totals[column.name]}
                </td>
              )}
            </For>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
