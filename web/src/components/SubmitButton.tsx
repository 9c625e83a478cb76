import type { ParentProps } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';

export type SubmitButtonProps = ParentProps<{
  isBusy: boolean;
  /** Shown while busy; "Saving…" unless given. */
  busyLabel?: string;
  variant?: 'primary' | 'danger' | 'secondary';
  type?: 'submit' | 'button';
  onClick?: () => void;
}>;

/**
 * The button that saves a form. While the request runs it shows a busy label and ignores further clicks;
 * it stays focusable (no `disabled`), so keyboard focus is not lost.
 */
export function SubmitButton(props: SubmitButtonProps) {
  const { i18n } = useApp();

  return (
    <button
      type={props.type ?? 'submit'}
      class={`button button--${props.variant ?? 'primary'}`}
      aria-disabled={props.isBusy ? 'true' : undefined}
      aria-busy={props.isBusy ? 'true' : undefined}
      onClick={(event) => {
        if (props.isBusy) {
          event.preventDefault();
          return;
        }
        props.onClick?.();
      }}
    >
      <span
        class="button__spinner"
        classList={{ 'button__spinner--on': props.isBusy }}
        aria-hidden="true"
      />
      {props.isBusy ? (props.busyLabel ?? i18n.t('common.saving')) : props.children}
    </button>
  );
}
