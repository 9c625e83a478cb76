import { For, Index, Show } from 'solid-js';

import type { MessageKey } from '../../i18n/create-i18n.ts';
import { useApp } from '../../stores/app-context.tsx';
import {
  requiredScheduleEntryFields,
  scheduleEntryFields,
  scheduleEntryLimits,
  type ScheduleEntryField,
  type ScheduleEntryValues,
} from './field-definitions.ts';
import { TextField } from '../../components/TextField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';

export type ScheduleEntriesFieldProps = {
  entries: ScheduleEntryValues[];
  onChange: (entries: ScheduleEntryValues[]) => void;
  /** Messages by path inside the list, e.g. `0.time`. */
  errors: Record<string, string>;
  isReadOnly?: boolean;
};

const entryLabel = (name: ScheduleEntryField): MessageKey => `editor.schedule.${name}`;

const emptyEntry = (): ScheduleEntryValues =>
  Object.fromEntries(scheduleEntryFields.map((name) => [name, ''])) as ScheduleEntryValues;

/** Edits the entries of a week's work schedule: one group of fields per meeting or event. */
export function ScheduleEntriesField(props: ScheduleEntriesFieldProps) {
  const { i18n } = useApp();

  const update = (index: number, name: ScheduleEntryField, value: string) =>
    props.onChange(
      props.entries.map((entry, position) =>
        position === index ? { ...entry, [name]: value } : entry,
      ),
    );

  const inputType = (name: ScheduleEntryField) => {
    if (name === 'date' || name === 'time') {
      return name;
    }
    return 'text';
  };

  return (
    <fieldset class="editor-schedule">
      <legend class="field__label">{i18n.t('editor.field.entries')}</legend>
      <Show
        when={props.entries.length > 0}
        fallback={<p class="muted">{i18n.t('editor.schedule.none')}</p>}
      >
        <ol class="editor-schedule__list">
          <Index each={props.entries}>
            {(entry, index) => (
              <li class="editor-schedule__entry">
                <fieldset class="editor-schedule__group">
                  <legend>{i18n.t('editor.schedule.entry', { number: index + 1 })}</legend>
                  <For each={scheduleEntryFields}>
                    {(name) =>
                      name === 'content' || name === 'participants' ? (
                        <TextAreaField
                          label={i18n.t(entryLabel(name))}
                          value={entry()[name]}
                          onInput={(value) => update(index, name, value)}
                          maxLength={scheduleEntryLimits[name]}
                          isRequired={requiredScheduleEntryFields.includes(name)}
                          isOptional={!requiredScheduleEntryFields.includes(name)}
                          isReadOnly={props.isReadOnly}
                          error={props.errors[`${index}.${name}`]}
                          rows={2}
                        />
                      ) : (
                        <TextField
                          label={i18n.t(entryLabel(name))}
                          type={inputType(name)}
                          value={entry()[name]}
                          onInput={(value) => update(index, name, value)}
                          maxLength={
                            name === 'date' || name === 'time'
                              ? undefined
                              : scheduleEntryLimits[name]
                          }
                          isRequired={requiredScheduleEntryFields.includes(name)}
                          isOptional={!requiredScheduleEntryFields.includes(name)}
                          isReadOnly={props.isReadOnly}
                          error={props.errors[`${index}.${name}`]}
                        />
                      )
                    }
                  </For>
                  <Show when={!props.isReadOnly}>
                    <div>
                      <button
                        type="button"
                        class="button button--quiet"
                        onClick={() =>
                          props.onChange(props.entries.filter((_, position) => position !== index))
                        }
                      >
                        {i18n.t('editor.schedule.remove', { number: index + 1 })}
                      </button>
                    </div>
                  </Show>
                </fieldset>
              </li>
            )}
          </Index>
        </ol>
      </Show>
      <Show when={!props.isReadOnly}>
        <div>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => props.onChange([...props.entries, emptyEntry()])}
          >
            {i18n.t('editor.schedule.add')}
          </button>
        </div>
      </Show>
    </fieldset>
  );
}
