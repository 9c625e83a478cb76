import { createUniqueId, For, Show, type JSX } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';

export type TextFieldProps = {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'date' | 'datetime-local' | 'time';
  name?: string;
  hint?: string;
  error?: string | undefined;
  autocomplete?: JSX.InputHTMLAttributes<HTMLInputElement>['autocomplete'];
  inputMode?: JSX.InputHTMLAttributes<HTMLInputElement>['inputMode'];
  /** Sets `required`. Most fields are required, so only optional ones are marked in the label. */
  isRequired?: boolean;
  isOptional?: boolean;
  /** A narrow input, for codes. */
  isShort?: boolean;
  isReadOnly?: boolean;
  /** Takes focus when a dialog opens. */
  isAutofocus?: boolean;
  maxLength?: number;
  pattern?: string;
  spellcheck?: boolean;
  /** Offered as the user types, through a `<datalist>`; any other text is allowed too. */
  suggestions?: readonly string[];
  lang?: 'vi' | 'en';
};

/** A labelled input with an optional hint and the error the server gave for this field. */
export function TextField(props: TextFieldProps) {
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
        classList={{
          'field__input--short': props.isShort === true,
          'field__input--date': ['date', 'datetime-local', 'time'].includes(props.type ?? ''),
        }}
        type={props.type ?? 'text'}
        name={props.name}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        required={props.isRequired}
        readOnly={props.isReadOnly}
        maxLength={props.maxLength}
        pattern={props.pattern}
        spellcheck={props.spellcheck}
        lang={props.lang}
        list={props.suggestions ? listId : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy()}
        data-autofocus={props.isAutofocus ? '' : undefined}
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
