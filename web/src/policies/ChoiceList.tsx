import { createUniqueId, For, Show } from 'solid-js';

import { FieldError } from './FieldError.tsx';

export type Choice = { value: string; label: string };

export type ChoiceListProps = {
  legend: string;
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  hint?: string | undefined;
  localError?: string | undefined;
  serverError?: string | undefined;
};

/** A fieldset of checkboxes for the members of a set, in the order of the choices. */
export function ChoiceList(props: ChoiceListProps) {
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = () => Boolean(props.localError || props.serverError);
  const describedBy = () =>
    [props.hint ? hintId : '', hasError() ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const toggle = (value: string, isChecked: boolean) => {
    const others = props.selected.filter((candidate) => candidate !== value);
    const next = isChecked ? [...others, value] : others;
    props.onChange(
      props.choices.map((choice) => choice.value).filter((candidate) => next.includes(candidate)),
    );
  };

  return (
    <fieldset
      class="policy-choices"
      classList={{ 'field--invalid': hasError() }}
      aria-describedby={describedBy()}
    >
      <legend class="field__label">{props.legend}</legend>
      <Show when={props.hint}>
        <p id={hintId} class="field__hint">
          {props.hint}
        </p>
      </Show>
      <div class="policy-choices__grid">
        <For each={props.choices}>
          {(choice) => (
            <label class="checkbox">
              <input
                type="checkbox"
                value={choice.value}
                checked={props.selected.includes(choice.value)}
                onChange={(event) => toggle(choice.value, event.currentTarget.checked)}
              />
              <span>{choice.label}</span>
            </label>
          )}
        </For>
      </div>
      <FieldError id={errorId} local={props.localError} server={props.serverError} />
    </fieldset>
  );
}
