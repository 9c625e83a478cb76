import { createSignal, createUniqueId, For, Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import type { DeadlineRow } from './editor-state.ts';
import { FieldError } from './FieldError.tsx';
import type { Choice } from './ChoiceList.tsx';

export type DeadlineListProps = {
  legend: string;
  rows: readonly DeadlineRow[];
  onChange: (rows: DeadlineRow[]) => void;
  /** The categories a deadline may be set for. */
  categories: readonly Choice[];
  hint?: string | undefined;
  localError?: string | undefined;
  serverError?: string | undefined;
};

const units: DeadlineRow['unit'][] = ['working_days', 'working_hours'];
const starts: DeadlineRow['from'][] = ['signing', 'submission'];

/** Publication deadlines by category: an amount, its unit and the event it counts from. */
export function DeadlineList(props: DeadlineListProps) {
  const { i18n } = useApp();
  const id = createUniqueId();
  const errorId = `${id}-error`;
  const [added, setAdded] = createSignal('');
  const hasError = () => Boolean(props.localError || props.serverError);
  const labelOf = (key: string) =>
    props.categories.find((category) => category.value === key)?.label ?? key;
  const unused = () =>
    props.categories.filter((category) => !props.rows.some((row) => row.key === category.value));
  const update = (index: number, patch: Partial<DeadlineRow>) =>
    props.onChange(props.rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const add = () => {
    const key = added() || unused()[0]?.value;
    if (key) {
      props.onChange([...props.rows, { key, amount: '', unit: 'working_days', from: 'signing' }]);
      setAdded('');
    }
  };

  return (
    <fieldset
      class="policy-choices"
      classList={{ 'field--invalid': hasError() }}
      aria-describedby={hasError() ? errorId : undefined}
    >
      <legend class="field__label">{props.legend}</legend>
      <Show when={props.hint}>
        <p class="field__hint">{props.hint}</p>
      </Show>
      <For each={props.rows}>
        {(row, index) => (
          <div class="policy-deadline" role="group" aria-label={labelOf(row.key)}>
            <p class="policy-deadline__name">{labelOf(row.key)}</p>
            <label class="policy-deadline__part">
              <span class="field__hint">{i18n.t('policies.deadline.amount')}</span>
              <input
                class="field__input"
                type="text"
                inputMode="numeric"
                autocomplete="off"
                value={row.amount}
                onInput={(event) => update(index(), { amount: event.currentTarget.value })}
              />
            </label>
            <label class="policy-deadline__part">
              <span class="field__hint">{i18n.t('policies.deadline.unitLabel')}</span>
              <select
                class="field__input"
                onChange={(event) =>
                  update(index(), { unit: event.currentTarget.value as DeadlineRow['unit'] })
                }
              >
                <For each={units}>
                  {(unit) => (
                    <option value={unit} selected={row.unit === unit}>
                      {i18n.t(`policies.deadline.unit.${unit}`)}
                    </option>
                  )}
                </For>
              </select>
            </label>
            <label class="policy-deadline__part">
              <span class="field__hint">{i18n.t('policies.deadline.fromLabel')}</span>
              <select
                class="field__input"
                onChange={(event) =>
                  update(index(), { from: event.currentTarget.value as DeadlineRow['from'] })
                }
              >
                <For each={starts}>
                  {(start) => (
                    <option value={start} selected={row.from === start}>
                      {i18n.t(`policies.deadline.from.${start}`)}
                    </option>
                  )}
                </For>
              </select>
            </label>
            <button
              type="button"
              class="button button--quiet"
              onClick={() => props.onChange(props.rows.filter((_, at) => at !== index()))}
            >
              {i18n.t('policies.editor.remove')}
              <span class="visually-hidden"> {labelOf(row.key)}</span>
            </button>
          </div>
        )}
      </For>
      <Show when={unused().length > 0}>
        <div class="policy-free-list__add">
          <div class="field">
            <label class="field__label" for={id}>
              {i18n.t('policies.deadline.addFor')}
            </label>
            <select
              id={id}
              class="field__input"
              onChange={(event) => setAdded(event.currentTarget.value)}
            >
              <For each={unused()}>
                {(category) => (
                  <option value={category.value} selected={category.value === added()}>
                    {category.label}
                  </option>
                )}
              </For>
            </select>
          </div>
          <button type="button" class="button button--secondary" onClick={add}>
            {i18n.t('policies.editor.add')}
          </button>
        </div>
      </Show>
      <FieldError id={errorId} local={props.localError} server={props.serverError} />
    </fieldset>
  );
}
