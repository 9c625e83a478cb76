import { createUniqueId, For, Show } from 'solid-js';

export type SelectOption = { value: string; label: string };

export type SelectFieldProps = {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** The first option, with the empty value, e.g. "All types". */
  emptyLabel?: string;
  name?: string;
  /** The problem with the choice, shown under the control and announced with it. */
  error?: string | undefined;
};

/** Renders a labelled `<select>` styled like the text inputs. */
export function SelectField(props: SelectFieldProps) {
  const id = createUniqueId();
  const errorId = `${id}-error`;

  return (
    <div class="field" classList={{ 'field--invalid': Boolean(props.error) }}>
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        class="field__input"
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.emptyLabel !== undefined ? (
          <option value="" selected={props.value === ''}>
            {props.emptyLabel}
          </option>
        ) : null}
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
      <Show when={props.error}>
        <p id={errorId} class="field__error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
