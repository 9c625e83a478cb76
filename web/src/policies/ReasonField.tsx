import { createUniqueId } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { FieldError } from './FieldError.tsx';

export type ReasonFieldProps = {
  value: string;
  onInput: (value: string) => void;
  localError?: string | undefined;
  serverError?: string | undefined;
};

/** The reason of a policy change, which the history keeps beside who changed what and when. */
export function ReasonField(props: ReasonFieldProps) {
  const { i18n } = useApp();
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = () => Boolean(props.localError || props.serverError);

  return (
    <div class="field" classList={{ 'field--invalid': hasError() }}>
      <label class="field__label" for={id}>
        {i18n.t('policies.reason.label')}
      </label>
      <p id={hintId} class="field__hint">
        {i18n.t('policies.reason.hint')}
      </p>
      <textarea
        id={id}
        class="field__input policy-reason"
        rows={3}
        maxLength={2000}
        required
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={hasError() ? 'true' : undefined}
        aria-describedby={hasError() ? `${hintId} ${errorId}` : hintId}
      />
      <FieldError id={errorId} local={props.localError} server={props.serverError} />
    </div>
  );
}
