import { createUniqueId, Show } from 'solid-js';

import { tenantName } from '../../components/tenant-name.ts';
import { useApp } from '../../stores/app-context.tsx';
import type { Provenance } from './item-types.ts';

export type SourcePanelProps = {
  sourceTenantId: string | null;
  provenance: Provenance;
};

/** Shows where a submission to the main portal came from: the unit, the sender, the purpose. */
export function SourcePanel(props: SourcePanelProps) {
  const { scope, i18n } = useApp();
  const headingId = createUniqueId();
  const source = () => scope.list()?.find((tenant) => tenant.id === props.sourceTenantId);

  return (
    <section class="panel editor-source" aria-labelledby={headingId}>
      <h2 id={headingId} class="panel__title">
        {i18n.t('editor.source.title')}
      </h2>
      <dl class="editor-facts">
        <Show when={source()}>
          {(tenant) => (
            <div>
              <dt>{i18n.t('queue.source')}</dt>
              <dd>{tenantName(tenant(), i18n.locale())}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>{i18n.t('editor.source.sender')}</dt>
          <dd>
            {props.provenance.senderName}, {props.provenance.senderTitle}
          </dd>
        </div>
        <Show when={props.provenance.senderEmail}>
          <div>
            <dt>{i18n.t('editor.submit.senderEmail')}</dt>
            <dd>
              <a href={`mailto:${props.provenance.senderEmail}`}>{props.provenance.senderEmail}</a>
            </dd>
          </div>
        </Show>
        <Show when={props.provenance.senderPhone}>
          <div>
            <dt>{i18n.t('editor.submit.senderPhone')}</dt>
            <dd>{props.provenance.senderPhone}</dd>
          </div>
        </Show>
        <div>
          <dt>{i18n.t('editor.submit.purpose')}</dt>
          <dd>{props.provenance.purpose}</dd>
        </div>
      </dl>
    </section>
  );
}
