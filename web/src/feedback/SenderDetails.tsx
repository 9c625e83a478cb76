import { Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import type { CaseDetail } from './feedback-names.ts';

export type SenderDetailsProps = { sender: CaseDetail['sender'] };

/**
 * The sender's name and contacts, which the server sends only to staff handling the case (and
 * records in the audit log). After the retention period they are gone, and the panel shows when.
 */
export function SenderDetails(props: SenderDetailsProps) {
  const { i18n } = useApp();
  const missing = () => i18n.t('feedback.notGiven');

  return (
    <Show
      when={!props.sender.personalDataRemovedAt}
      fallback={
        <p>
          {i18n.t('feedback.senderRemoved', {
            date: i18n.formatDateTime(props.sender.personalDataRemovedAt),
          })}
        </p>
      }
    >
      <dl class="details">
        <div>
          <dt>{i18n.t('feedback.senderName')}</dt>
          <dd>{props.sender.name ?? missing()}</dd>
        </div>
        <div>
          <dt>{i18n.t('feedback.senderEmail')}</dt>
          <dd>
            <Show when={props.sender.email} fallback={missing()}>
              {(email) => <a href={`mailto:${email()}`}>{email()}</a>}
            </Show>
          </dd>
        </div>
        <div>
          <dt>{i18n.t('feedback.senderPhone')}</dt>
          <dd>
            <Show when={props.sender.phone} fallback={missing()}>
              {(phone) => <a href={`tel:${phone().replace(/[^\d+]/g, '')}`}>{phone()}</a>}
            </Show>
          </dd>
        </div>
        <div>
          <dt>{i18n.t('feedback.senderOrganisation')}</dt>
          <dd>{props.sender.organisation ?? missing()}</dd>
        </div>
        <div>
          <dt>{i18n.t('feedback.consentAt')}</dt>
          <dd>{i18n.formatDateTime(props.sender.consentAt)}</dd>
        </div>
      </dl>
    </Show>
  );
}
