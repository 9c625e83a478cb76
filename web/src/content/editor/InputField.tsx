import { createUniqueId, For, Show } from 'solid-js';

import { useApp } from '../../stores/app-context.tsx';

export type InputFieldProps = {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type: 'text' | 'date' | 'datetime-local' | 'time';
  hint?: string;
  error?: string | undefined;
  isRequired?: boolean;
  isOptional?: boolean;
  isReadOnly?: boolean;
  maxLength?: number;
  /** Offered as the user types, through a `<datalist>`; any other text is allowed too. */
  suggestions?: readonly string[];
  lang?: 'vi' | 'en';
};

/**
 * Renders a labelled input for the editor's dates, times and short texts. `TextField` serves
 * the sign-in and account forms, whose inputs take no dates or suggestions.
 */
export function InputField(props: InputFieldProps) {
  const { i18n } = useApp();
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const listId = `${id}-list`;
  const describedBy = () =>
    [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;

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
      <input
        id={id}
        class="field__input"
        classList={{ 'editor-input--date': props.type !== 'text' }}
        type={props.type}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        required={props.isRequired}
        readOnly={props.isReadOnly}
        maxLength={props.maxLength}
        lang={props.lang}
        list={props.suggestions ? listId : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy()}
      />
      <Show when={props.suggestions}>
        {(suggestions) => (
          <datalist id={listId}>
            <For each={suggestions()}>{(suggestion) => <option value={suggestion} />}</For>
          </datalist>
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
