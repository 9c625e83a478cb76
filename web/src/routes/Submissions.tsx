import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';

import { SubmissionDetailPage } from '../content/editor/SubmissionDetailPage.tsx';
import { SubmissionList } from '../content/editor/SubmissionList.tsx';
import { useApp } from '../stores/app-context.tsx';

/**
 * Shows what a unit has sent to the main portal: `/gui-cong-bo` lists it, and
 * `/gui-cong-bo/<itemId>` shows one submission with the standing section's notes and a form to
 * revise it once returned.
 */
export default function Submissions() {
  const { scope, i18n } = useApp();
  const params = useParams<{ itemId?: string }>();

  return (
    <Show when={scope.current()} keyed fallback={<p class="muted">{i18n.t('common.loading')}</p>}>
      {(tenant) => (
        <Show when={params.itemId} keyed fallback={<SubmissionList tenant={tenant} />}>
          {(itemId) => <SubmissionDetailPage tenant={tenant} itemId={itemId} />}
        </Show>
      )}
    </Show>
  );
}
