import { createUniqueId, For } from 'solid-js';

export type SelectOption = { value: string; label: string };

export type SelectFieldProps = {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** The first option, with the empty value, e.g. "All types". */
  emptyLabel?: string;
  name?: string;
};

/** Renders a labelled `<select>` styled like the text inputs. */
export function SelectField(props: SelectFieldProps) {
  const id = createUniqueId();

  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        class="field__input"
        name={props.name}
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
    </div>
  );
}
