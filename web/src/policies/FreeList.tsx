import { createSignal, createUniqueId, For, Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { FieldError } from './FieldError.tsx';

export type FreeListProps = {
  legend: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  /** The label of the input that adds an item, e.g. "Tên miền". */
  itemLabel: string;
  hint?: string | undefined;
  localError?: string | undefined;
  serverError?: string | undefined;
};

/** A list of strings typed by hand, such as host names, each with a button that removes it. */
export function FreeList(props: FreeListProps) {
  const { i18n } = useApp();
  const id = createUniqueId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const [next, setNext] = createSignal('');
  const hasError = () => Boolean(props.localError || props.serverError);
  const add = () => {
    const item = next().trim();
    if (item && !props.items.includes(item)) {
      props.onChange([...props.items, item]);
    }
    setNext('');
  };

  return (
    <fieldset
      class="policy-choices"
      classList={{ 'field--invalid': hasError() }}
      aria-describedby={
        [props.hint ? hintId : '', hasError() ? errorId : ''].filter(Boolean).join(' ') || undefined
      }
    >
      <legend class="field__label">{props.legend}</legend>
      <Show when={props.hint}>
        <p id={hintId} class="field__hint">
          {props.hint}
        </p>
      </Show>
      <Show
        when={props.items.length > 0}
        fallback={<p class="muted">{i18n.t('policies.value.none')}</p>}
      >
        <ul class="policy-free-list">
          <For each={props.items}>
            {(item) => (
              <li>
                <code>{item}</code>
                <button
                  type="button"
                  class="button button--quiet"
                  onClick={() => props.onChange(props.items.filter((other) => other !== item))}
                >
                  {i18n.t('policies.editor.remove')}
                  <span class="visually-hidden"> {item}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="policy-free-list__add">
        <div class="field">
          <label class="field__label" for={id}>
            {props.itemLabel}
          </label>
          <input
            id={id}
            class="field__input"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={next()}
            onInput={(event) => setNext(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter adds the item here instead of submitting the whole form.
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" class="button button--secondary" onClick={add}>
          {i18n.t('policies.editor.add')}
        </button>
      </div>
      <FieldError id={errorId} local={props.localError} server={props.serverError} />
    </fieldset>
  );
}
