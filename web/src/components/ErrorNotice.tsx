import { Show } from 'solid-js';

import { describeError } from '../api/describe-error.ts';
import { useApp } from '../stores/app-context.tsx';

export type ErrorNoticeProps = {
  error: unknown;
  /** Shows a "Try again" button that repeats the failed action. */
  onRetry?: () => void;
  /** Says that what was typed is kept, for forms with a draft. */
  isDraftKept?: boolean;
};

/** The message of a failed request, announced to screen readers, with a retry button. */
export function ErrorNotice(props: ErrorNoticeProps) {
  const { i18n } = useApp();
  const description = () => describeError(props.error, i18n.t);

  return (
    <div class="notice notice--error" role="alert">
      <p class="notice__title">{description().summary}</p>
      <Show when={description().detail}>
        <p class="notice__detail">
          {i18n.t('error.serverSaid')} <span lang="en">{description().detail}</span>
        </p>
      </Show>
      <Show when={props.isDraftKept}>
        <p class="notice__detail">{i18n.t('draft.kept')}</p>
      </Show>
      <Show when={props.onRetry}>
        <button type="button" class="button button--secondary" onClick={() => props.onRetry?.()}>
          {i18n.t('common.retry')}
        </button>
      </Show>
    </div>
  );
}
