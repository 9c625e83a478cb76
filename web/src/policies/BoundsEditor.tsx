import { Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { ChoiceList } from './ChoiceList.tsx';
import type { BoundsState } from './editor-state.ts';
import type { ByteUnit } from './format-value.ts';
import { NumberInput } from './NumberInput.tsx';
import type { Policy } from './types.ts';
import { setChoices } from './ValueEditor.tsx';

export type BoundsEditorProps = {
  policy: Policy;
  state: BoundsState;
  onChange: (patch: Partial<BoundsState>) => void;
  /** The unit of the value's editor; bounds of a size use the same one. */
  byteUnit: ByteUnit;
  localError?: string | undefined;
  serverError?: string | undefined;
};

/** The board's bounds of a policy: a range for numbers, required and allowed members for sets. */
export function BoundsEditor(props: BoundsEditorProps) {
  const { i18n } = useApp();
  const choices = () =>
    setChoices(props.policy, i18n.locale(), [
      ...props.state.mustInclude,
      ...props.state.mayInclude,
    ]);

  return (
    <fieldset class="policy-bounds">
      <legend class="field__label">{i18n.t('policies.bounds.legend')}</legend>
      <p class="field__hint">{i18n.t('policies.bounds.hint')}</p>
      <Show
        when={props.policy.type === 'number'}
        fallback={
          <>
            <ChoiceList
              legend={i18n.t('policies.bounds.mustIncludeLegend')}
              choices={choices()}
              selected={props.state.mustInclude}
              onChange={(mustInclude) => props.onChange({ mustInclude })}
              serverError={props.serverError}
            />
            <label class="checkbox">
              <input
                type="checkbox"
                checked={props.state.hasChoiceLimit}
                onChange={(event) =>
                  props.onChange({ hasChoiceLimit: event.currentTarget.checked })
                }
              />
              <span>{i18n.t('policies.bounds.limitChoices')}</span>
            </label>
            <Show when={props.state.hasChoiceLimit}>
              <ChoiceList
                legend={i18n.t('policies.bounds.mayIncludeLegend')}
                choices={choices()}
                selected={props.state.mayInclude}
                onChange={(mayInclude) => props.onChange({ mayInclude })}
              />
            </Show>
          </>
        }
      >
        <div class="policy-bounds__range">
          <NumberInput
            label={i18n.t('policies.bounds.min')}
            text={props.state.min}
            onText={(min) => props.onChange({ min })}
            unit={props.policy.unit}
            byteUnit={props.byteUnit}
            isOptional
            localError={props.localError}
            serverError={props.serverError}
          />
          <NumberInput
            label={i18n.t('policies.bounds.max')}
            text={props.state.max}
            onText={(max) => props.onChange({ max })}
            unit={props.policy.unit}
            byteUnit={props.byteUnit}
            isOptional
          />
        </div>
      </Show>
    </fieldset>
  );
}
