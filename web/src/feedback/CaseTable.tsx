import { A } from '@solidjs/router';
import { For } from 'solid-js';

import { feedbackCasePath } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';
import { DeadlineClock } from './DeadlineClock.tsx';
import {
  caseReference,
  kindLabel,
  senderKindLabel,
  stateLabel,
  type CaseSummary,
} from './feedback-names.ts';

export type CaseTableProps = {
  cases: readonly CaseSummary[];
  /** The name of a responsible unit, in the interface language. */
  unitName: (tenantId: string) => string;
};

/**
 * The inbox's table: reference, subject and kind, sender kind, state, responsible unit and the
 * deadline clock. Only the case page shows contact details.
 */
export function CaseTable(props: CaseTableProps) {
  const { i18n } = useApp();

  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <caption class="visually-hidden">{i18n.t('feedback.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('feedback.subject')}</th>
            <th scope="col">{i18n.t('feedback.senderKind')}</th>
            <th scope="col">{i18n.t('feedback.status')}</th>
            <th scope="col">{i18n.t('feedback.responsibleUnit')}</th>
            <th scope="col">{i18n.t('feedback.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.cases}>
            {(entry) => (
              <tr classList={{ 'table__row--overdue': entry.isAnswerOverdue }}>
                <th scope="row" data-label={i18n.t('feedback.subject')}>
                  <A class="table__name" href={feedbackCasePath(entry.id)}>
                    {entry.subject}
                  </A>
                  <span class="table__sub">
                    {i18n.t('feedback.referenceLine', {
                      reference: caseReference(entry.id),
                      kind: i18n.t(kindLabel(entry.kind)),
                      received: i18n.formatDateTime(entry.receivedAt),
                    })}
                  </span>
                </th>
                <td data-label={i18n.t('feedback.senderKind')}>
                  {i18n.t(senderKindLabel(entry.senderKind))}
                </td>
                <td data-label={i18n.t('feedback.status')}>
                  <span class="badge">{i18n.t(stateLabel(entry.status))}</span>
                </td>
                <td data-label={i18n.t('feedback.responsibleUnit')}>
                  {props.unitName(entry.responsibleTenantId)}
                </td>
                <td data-label={i18n.t('feedback.deadline')}>
                  <DeadlineClock summary={entry} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
