import { createUniqueId, For, Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { FieldError } from './FieldError.tsx';
import { byteUnits, type ByteUnit } from './format-value.ts';
import type { PolicyUnit } from './types.ts';

export type NumberInputProps = {
  label: string;
  text: string;
  onText: (text: string) => void;
  unit: PolicyUnit | null;
  /** The unit of a size in bytes, which the user picks. */
  byteUnit: ByteUnit;
  /** Absent where the byte unit is fixed by another field, e.g. the bounds follow the value. */
  onByteUnit?: (unit: ByteUnit) => void;
  hint?: string | undefined;
  isOptional?: boolean;
  localError?: string | undefined;
  serverError?: string | undefined;
};

/** A whole number in the policy's unit; sizes get a unit picker (bytes, KiB, MiB, GiB). */
export function NumberInput(props: NumberInputProps) {
  const { i18n } = useApp();
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = () => Boolean(props.localError || props.serverError);
  const describedBy = () =>
    [props.hint ? hintId : '', hasError() ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const unitName = () => {
    if (props.unit === 'bytes') {
      return props.byteUnit;
    }
    return props.unit ? i18n.t(`policies.unitName.${props.unit}`) : '';
  };

  return (
    <div class="field" classList={{ 'field--invalid': hasError() }}>
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
      <div class="policy-number">
        <input
          id={id}
          class="field__input policy-number__input"
          type="text"
          inputMode="decimal"
          autocomplete="off"
          value={props.text}
          onInput={(event) => props.onText(event.currentTarget.value)}
          aria-invalid={hasError() ? 'true' : undefined}
          aria-describedby={describedBy()}
        />
        <Show
          when={props.unit === 'bytes' && props.onByteUnit}
          fallback={<span class="policy-number__unit">{unitName()}</span>}
        >
          <select
            class="field__input policy-number__select"
            aria-label={i18n.t('policies.editor.byteUnit')}
            onChange={(event) => props.onByteUnit?.(event.currentTarget.value as ByteUnit)}
          >
            <For each={byteUnits}>
              {(option) => (
                <option value={option.unit} selected={option.unit === props.byteUnit}>
                  {option.unit}
                </option>
              )}
            </For>
          </select>
        </Show>
      </div>
      <FieldError id={errorId} local={props.localError} server={props.serverError} />
    </div>
  );
}
