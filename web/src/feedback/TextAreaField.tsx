import { createUniqueId, Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';

export type TextAreaFieldProps = {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  isOptional?: boolean;
  /** Shows the length typed against this maximum, and stops typing past it. */
  maxLength?: number;
  rows?: number;
  /** Takes focus when a dialog opens. */
  isAutofocus?: boolean;
};

/** A labelled multi-line input with an optional hint, character count and the server's error. */
export function TextAreaField(props: TextAreaFieldProps) {
  const { i18n } = useApp();
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const describedBy = () =>
    [props.hint ? hintId : '', props.maxLength ? countId : '', props.error ? errorId : '']
      .filter(Boolean)
      .join(' ') || undefined;

  return (
    <div class="field" classList={{ 'field--invalid': Boolean(props.error) }}>
      <label class="field__label" for={id}>
        {props.label}
        <Show when={props.isOptional}>
          <span class="field__optional"> {i18n.t('common.optional')}</span>
        </Show>
      </label>
      <Show when={props.hint}>
        <p id={hintId} class="field__hint">
          {props.hint}
        </p>
      </Show>
      <textarea
        id={id}
        class="field__input feedback-textarea"
        value={props.value}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy()}
        data-autofocus={props.isAutofocus ? '' : undefined}
      />
      <Show when={props.maxLength}>
        {(maxLength) => (
          <p id={countId} class="field__hint feedback-textarea__count">
            {i18n.t('feedback.characterCount', { count: props.value.length, max: maxLength() })}
          </p>
        )}
      </Show>
      <Show when={props.error}>
        <p id={errorId} class="field__error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
