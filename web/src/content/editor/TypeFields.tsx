import { createUniqueId, For, Match, Show, Switch } from 'solid-js';

import { SelectField } from '../../components/SelectField.tsx';
import type { MessageKey } from '../../i18n/create-i18n.ts';
import type { PickedMedia } from '../../media/MediaPicker.tsx';
import { useApp } from '../../stores/app-context.tsx';
import { contentTypeLabel, type ContentType } from '../content-names.ts';
import {
  documentTypeSuggestions,
  typeFieldDefinitions,
  type FieldDefinition,
  type ScheduleEntryValues,
} from './field-definitions.ts';
import { TextField } from '../../components/TextField.tsx';
import type { FieldValue, FieldValues } from './item-form-values.ts';
import { MediaField } from './MediaField.tsx';
import { ScheduleEntriesField } from './ScheduleEntriesField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';

export type TypeFieldsProps = {
  type: ContentType;
  values: FieldValues;
  onChange: (name: string, value: FieldValue) => void;
  /** Messages by field path below `fields.`, e.g. `issuedOn` or `entries.0.time`. */
  errors: Record<string, string>;
  tenantId: string;
  /** False for a submission to the main portal, which cannot see the unit's files. */
  canAttachMedia: boolean;
  mediaNames: Record<string, string>;
  onMediaPicked: (picked: PickedMedia[]) => void;
  isReadOnly?: boolean;
};

export const fieldLabel = (name: string) => `editor.field.${name}` as MessageKey;

const fieldHints: Partial<Record<string, MessageKey>> = {
  weekStart: 'editor.fieldHint.weekStart',
  closingAt: 'editor.fieldHint.vietnamTime',
  documentType: 'editor.fieldHint.documentType',
  numberSymbol: 'editor.fieldHint.numberSymbol',
  coverMediaId: 'editor.fieldHint.coverMediaId',
  summary: 'editor.fieldHint.summary',
};

const legalStatusLabel = (value: string) => `editor.legalStatus.${value}` as MessageKey;

/** Renders the fields of one content type from its definitions. */
export function TypeFields(props: TypeFieldsProps) {
  const { i18n } = useApp();
  const headingId = createUniqueId();
  const definitions = () =>
    typeFieldDefinitions[props.type].filter(
      (definition) => props.canAttachMedia || definition.kind !== 'media',
    );
  const hintOf = (name: string) => {
    const key = fieldHints[name];
    return key ? i18n.t(key) : undefined;
  };
  const text = (name: string) => {
    const value = props.values[name];
    return typeof value === 'string' ? value : '';
  };
  const scheduleErrors = () =>
    Object.fromEntries(
      Object.entries(props.errors)
        .filter(([path]) => path.startsWith('entries.'))
        .map(([path, message]) => [path.slice('entries.'.length), message]),
    );

  const renderField = (definition: FieldDefinition) => (
    <Switch>
      <Match when={definition.kind === 'text' && definition}>
        {(field) => (
          <TextField
            label={i18n.t(fieldLabel(field().name))}
            hint={hintOf(field().name)}
            type="text"
            value={text(field().name)}
            onInput={(value) => props.onChange(field().name, value)}
            maxLength={field().maxLength}
            isRequired={field().isRequired}
            isOptional={!field().isRequired}
            isReadOnly={props.isReadOnly}
            suggestions={field().suggests ? documentTypeSuggestions : undefined}
            error={props.errors[field().name]}
          />
        )}
      </Match>
      <Match when={definition.kind === 'textarea' && definition}>
        {(field) => (
          <TextAreaField
            label={i18n.t(fieldLabel(field().name))}
            hint={hintOf(field().name)}
            value={text(field().name)}
            onInput={(value) => props.onChange(field().name, value)}
            maxLength={field().maxLength}
            isRequired={field().isRequired}
            isOptional={!field().isRequired}
            isReadOnly={props.isReadOnly}
            error={props.errors[field().name]}
            rows={4}
          />
        )}
      </Match>
      <Match when={(definition.kind === 'date' || definition.kind === 'datetime') && definition}>
        {(field) => (
          <TextField
            label={i18n.t(fieldLabel(field().name))}
            hint={hintOf(field().name)}
            type={field().kind === 'date' ? 'date' : 'datetime-local'}
            value={text(field().name)}
            onInput={(value) => props.onChange(field().name, value)}
            isRequired={field().isRequired}
            isOptional={!field().isRequired}
            isReadOnly={props.isReadOnly}
            error={props.errors[field().name]}
          />
        )}
      </Match>
      <Match when={definition.kind === 'select' && definition}>
        {(field) => (
          <SelectField
            label={i18n.t(fieldLabel(field().name))}
            value={text(field().name) || field().defaultValue}
            options={field().options.map((value) => ({
              value,
              label: i18n.t(legalStatusLabel(value)),
            }))}
            onChange={(value) => props.onChange(field().name, value)}
          />
        )}
      </Match>
      <Match when={definition.kind === 'media' && definition}>
        {(field) => (
          <MediaField
            label={i18n.t(fieldLabel(field().name))}
            hint={hintOf(field().name)}
            value={props.values[field().name] as string | string[]}
            isMultiple={field().isMultiple}
            accept={field().accept}
            tenantId={props.tenantId}
            names={props.mediaNames}
            onChange={(value, picked) => {
              props.onMediaPicked(picked);
              props.onChange(field().name, value);
            }}
            isReadOnly={props.isReadOnly}
            error={props.errors[field().name]}
          />
        )}
      </Match>
      <Match when={definition.kind === 'schedule'}>
        <ScheduleEntriesField
          entries={(props.values[definition.name] as ScheduleEntryValues[] | undefined) ?? []}
          onChange={(entries) => props.onChange(definition.name, entries)}
          errors={scheduleErrors()}
          isReadOnly={props.isReadOnly}
        />
      </Match>
    </Switch>
  );

  return (
    <Show when={definitions().length > 0}>
      <section class="editor-type-fields" aria-labelledby={headingId}>
        <h2 id={headingId} class="editor-section-title">
          {i18n.t('editor.typeFields', { type: i18n.t(contentTypeLabel(props.type)) })}
        </h2>
        <For each={definitions()}>{renderField}</For>
      </section>
    </Show>
  );
}
