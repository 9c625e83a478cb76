import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';

import {
  contentTypeLabel,
  isContentType,
  isWorkflowState,
  workflowStateLabel,
} from '../content/content-names.ts';
import { contentItemPath } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';

/** A content item that uses a file; the status and title are there when the API sends them. */
export type UsageLine = {
  itemId: string;
  type: string;
  slug: string;
  status?: string;
  titleVi?: string | null;
};

/** The content items that use a file, each a link to the item in the editor. */
export function UsageList(props: { usages: readonly UsageLine[]; label: string }) {
  const { i18n } = useApp();
  const typeName = (type: string) => (isContentType(type) ? i18n.t(contentTypeLabel(type)) : type);

  return (
    <ul class="media-usages" aria-label={props.label}>
      <For each={props.usages}>
        {(usage) => (
          <li>
            <A href={contentItemPath(usage.itemId)}>{usage.titleVi || usage.slug}</A>{' '}
            <span class="muted">
              {typeName(usage.type)}
              <Show when={isWorkflowState(usage.status) ? usage.status : undefined}>
                {(status) => <> · {i18n.t(workflowStateLabel(status()))}</>}
              </Show>
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}
