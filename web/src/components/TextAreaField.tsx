import { createUniqueId, Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';

export type TextAreaFieldProps = {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  isRequired?: boolean;
  isOptional?: boolean;
  isReadOnly?: boolean;
  /** Takes focus when a dialog opens. */
  isAutofocus?: boolean;
  /** Stops typing past this many characters and shows the count near the limit. */
  maxLength?: number;
  /** Shows the count from the first character, for long texts whose length the writer tracks. */
  isCountAlwaysShown?: boolean;
  rows?: number;
  lang?: 'vi' | 'en';
};

/** Renders a labelled multi-line input with a hint, a character count and the server's error. */
export function TextAreaField(props: TextAreaFieldProps) {
  const { i18n } = useApp();
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  // By default the count appears once nine tenths of the limit are used, so it does not
  // distract before.
  const isCountShown = () =>
    props.maxLength !== undefined &&
    (props.isCountAlwaysShown === true || props.value.length >= props.maxLength * 0.9);
  const describedBy = () =>
    [props.hint ? hintId : '', props.error ? errorId : '', isCountShown() ? countId : '']
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
        class="field__input field__textarea"
        rows={props.rows ?? 3}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        required={props.isRequired}
        readOnly={props.isReadOnly}
        maxLength={props.maxLength}
        lang={props.lang}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy()}
        data-autofocus={props.isAutofocus ? '' : undefined}
      />
      <Show when={isCountShown()}>
        <p id={countId} class="field__hint field__count">
          {i18n.t('common.characterCount', {
            count: props.value.length,
            max: props.maxLength ?? 0,
          })}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={errorId} class="field__error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
