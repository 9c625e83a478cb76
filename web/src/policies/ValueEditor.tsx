import { createUniqueId, For, Match, Switch } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { ChoiceList, type Choice } from './ChoiceList.tsx';
import { DeadlineList } from './DeadlineList.tsx';
import type { ValueState } from './editor-state.ts';
import { FieldError } from './FieldError.tsx';
import { FreeList } from './FreeList.tsx';
import { NumberInput } from './NumberInput.tsx';
import { asRecord, asStringList, type Policy } from './types.ts';

export type ValueEditorProps = {
  policy: Policy;
  label: string;
  state: ValueState;
  onChange: (patch: Partial<ValueState>) => void;
  hint?: string | undefined;
  localError?: string | undefined;
  serverError?: string | undefined;
};

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Lists the members a set may be chosen from: the options, then any other member in use. */
export function setChoices(
  policy: Policy,
  locale: 'vi' | 'en',
  extra: readonly string[],
): Choice[] {
  const options = policy.options ?? [];
  const known = options.map((option) => ({ value: option.value, label: option.label[locale] }));
  const others = unique([
    ...asStringList(policy.defaultValue),
    ...asStringList(policy.boardValue),
    ...extra,
  ])
    .filter((value) => !options.some((option) => option.value === value))
    .map((value) => ({ value, label: value }));

  return [...known, ...others];
}

/** Lists the attributes each element may keep: those of the default, the board and the value. */
function attributeChoices(policy: Policy, state: ValueState): [string, string[]][] {
  // NOTE: the API does not list every attribute the sanitiser accepts, nor upload types beyond
  // the options, so the board cannot add a member outside these lists from this screen.
  const maps = [policy.defaultValue, policy.boardValue, state.attributes].map((map) =>
    asRecord<string[]>(map),
  );
  const tags = unique(maps.flatMap((map) => Object.keys(map))).sort();

  return tags.map((tag) => [tag, unique(maps.flatMap((map) => map[tag] ?? []))]);
}

/** Renders the editor that matches a policy's kind of value: a number, a switch, a set or a map. */
export function ValueEditor(props: ValueEditorProps) {
  const { i18n } = useApp();
  const errorId = createUniqueId();
  const errors = () => ({ localError: props.localError, serverError: props.serverError });

  return (
    <Switch>
      <Match when={props.policy.type === 'number'}>
        <NumberInput
          label={props.label}
          text={props.state.text}
          onText={(text) => props.onChange({ text })}
          unit={props.policy.unit}
          byteUnit={props.state.byteUnit}
          onByteUnit={(byteUnit) => props.onChange({ byteUnit })}
          hint={props.hint}
          {...errors()}
        />
      </Match>
      <Match when={props.policy.type === 'boolean'}>
        <div class="field" classList={{ 'field--invalid': Boolean(props.serverError) }}>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={props.state.flag}
              onChange={(event) => props.onChange({ flag: event.currentTarget.checked })}
              aria-describedby={props.serverError ? errorId : undefined}
            />
            <span>
              <span class="roles__name">{props.label}</span>
              <span class="roles__description">{props.hint}</span>
            </span>
          </label>
          <FieldError id={errorId} server={props.serverError} />
        </div>
      </Match>
      <Match when={props.policy.type === 'string_set' && props.policy.options === null}>
        <FreeList
          legend={props.label}
          items={props.state.items}
          onChange={(items) => props.onChange({ items })}
          itemLabel={i18n.t('policies.editor.newItem')}
          hint={props.hint}
          {...errors()}
        />
      </Match>
      <Match when={props.policy.type === 'string_set'}>
        <ChoiceList
          legend={props.label}
          choices={setChoices(props.policy, i18n.locale(), props.state.items)}
          selected={props.state.items}
          onChange={(items) => props.onChange({ items })}
          hint={props.hint}
          {...errors()}
        />
      </Match>
      <Match when={props.policy.type === 'deadline_map'}>
        <DeadlineList
          legend={props.label}
          rows={props.state.deadlines}
          onChange={(deadlines) => props.onChange({ deadlines })}
          categories={setChoices(props.policy, i18n.locale(), [])}
          hint={props.hint}
          {...errors()}
        />
      </Match>
      <Match when={props.policy.type === 'attribute_map'}>
        <fieldset
          class="policy-choices"
          classList={{ 'field--invalid': Boolean(props.serverError) }}
          aria-describedby={props.serverError ? errorId : undefined}
        >
          <legend class="field__label">{props.label}</legend>
          <p class="field__hint">{props.hint}</p>
          <For each={attributeChoices(props.policy, props.state)}>
            {([tag, names]) => (
              <ChoiceList
                legend={`<${tag}>`}
                choices={names.map((name) => ({ value: name, label: name }))}
                selected={props.state.attributes[tag] ?? []}
                onChange={(selected) =>
                  props.onChange({ attributes: { ...props.state.attributes, [tag]: selected } })
                }
              />
            )}
          </For>
          <FieldError id={errorId} server={props.serverError} />
        </fieldset>
      </Match>
    </Switch>
  );
}
