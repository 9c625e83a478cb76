import { slugText } from '../../../../server/content/slug-text.ts';
import type { ContentType } from '../content-names.ts';
import type { RevisionInput } from './editor-api.ts';
import {
  scheduleEntryFields,
  typeFieldDefinitions,
  type FieldDefinition,
  type ScheduleEntryValues,
} from './field-definitions.ts';
import type { RevisionText } from './item-types.ts';

export type FieldValue = string | string[] | ScheduleEntryValues[];
export type FieldValues = Record<string, FieldValue>;

/** The values of the item form, kept in the local draft as they are typed. */
export type ItemFormValues = {
  /** The revision the text was edited from; null until the item is first saved. */
  baseRevisionId: string | null;
  titleVi: string;
  titleEn: string;
  leadVi: string;
  leadEn: string;
  bodyVi: string;
  bodyEn: string;
  slug: string;
  categoryId: string;
  fields: FieldValues;
};

const vietnamOffsetMs = 7 * 60 * 60 * 1000;

/** Formats an instant as a `datetime-local` value in Vietnam's time (UTC+7, no daylight saving). */
export function toVietnamInput(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    return '';
  }

  return new Date(instant.getTime() + vietnamOffsetMs).toISOString().slice(0, 16);
}

/** Reads a `datetime-local` value as Vietnam's time and returns it as ISO 8601 with +07:00. */
export function fromVietnamInput(value: string): string {
  return `${value}:00+07:00`;
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry) => typeof entry === 'string') : [];
}

function scheduleEntriesFrom(value: unknown): ScheduleEntryValues[] {
  if (!Array.isArray(value)) {
    return [];
  }

  return value.map((entry: Record<string, unknown>) =>
    Object.fromEntries(scheduleEntryFields.map((name) => [name, asString(entry?.[name])])),
  ) as ScheduleEntryValues[];
}

function formValueOf(definition: FieldDefinition, raw: unknown): FieldValue {
  switch (definition.kind) {
    case 'datetime':
      return raw ? toVietnamInput(asString(raw)) : '';
    case 'select':
      return asString(raw) || definition.defaultValue;
    case 'media':
      return definition.isMultiple ? asStrings(raw) : asString(raw);
    case 'schedule':
      return scheduleEntriesFrom(raw);
    default:
      return asString(raw);
  }
}

/** Turns a revision's stored fields into the form's values, one per field of the type. */
export function fieldValuesFrom(type: ContentType, raw: Record<string, unknown>): FieldValues {
  return Object.fromEntries(
    typeFieldDefinitions[type].map((definition) => [
      definition.name,
      formValueOf(definition, raw[definition.name]),
    ]),
  );
}

function trimmedEntry(entry: ScheduleEntryValues): Record<string, string> {
  return Object.fromEntries(
    scheduleEntryFields
      .map((name) => [name, entry[name].trim()] as const)
      .filter(([, value]) => value !== ''),
  );
}

/**
 * Turns the form's values into the `fields` the server takes: text trimmed, empty optional
 * values left out (the server rejects empty strings), dates as typed, instants with +07:00.
 */
export function fieldsForSave(type: ContentType, values: FieldValues): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const definition of typeFieldDefinitions[type]) {
    const value = values[definition.name];
    if (definition.kind === 'schedule') {
      fields[definition.name] = ((value as ScheduleEntryValues[] | undefined) ?? []).map(
        trimmedEntry,
      );
    } else if (definition.kind === 'media' && definition.isMultiple) {
      fields[definition.name] = Array.isArray(value) ? value : [];
    } else if (definition.kind === 'select') {
      fields[definition.name] = (value as string | undefined) || definition.defaultValue;
    } else {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text !== '') {
        fields[definition.name] = definition.kind === 'datetime' ? fromVietnamInput(text) : text;
      }
    }
  }

  return fields;
}

/** Builds the form of a new item: empty text and each field's empty or default value. */
export function emptyFormValues(type: ContentType): ItemFormValues {
  return {
    baseRevisionId: null,
    titleVi: '',
    titleEn: '',
    leadVi: '',
    leadEn: '',
    bodyVi: '',
    bodyEn: '',
    slug: '',
    categoryId: '',
    fields: fieldValuesFrom(type, {}),
  };
}

/** Fills the form from a saved revision of an item. */
export function formValuesFrom(
  type: ContentType,
  revision: RevisionText,
  item: { slug: string | null; categoryId: string | null },
): ItemFormValues {
  return {
    baseRevisionId: revision.id,
    titleVi: revision.titleVi,
    titleEn: revision.titleEn ?? '',
    leadVi: revision.leadVi ?? '',
    leadEn: revision.leadEn ?? '',
    bodyVi: revision.bodyVi,
    bodyEn: revision.bodyEn ?? '',
    slug: item.slug ?? '',
    categoryId: item.categoryId ?? '',
    fields: fieldValuesFrom(type, revision.fields),
  };
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** Builds the text of a revision as the server takes it, leaving out empty optional text. */
export function textForSave(values: ItemFormValues) {
  return {
    titleVi: values.titleVi.trim(),
    titleEn: optional(values.titleEn),
    leadVi: optional(values.leadVi),
    leadEn: optional(values.leadEn),
    bodyVi: values.bodyVi,
    bodyEn: values.bodyEn === '' ? undefined : values.bodyEn,
  };
}

/** Builds the body of a create or save request. */
export function revisionInputFrom(type: ContentType, values: ItemFormValues): RevisionInput {
  return {
    ...textForSave(values),
    fields: fieldsForSave(type, values.fields),
    slug: optional(values.slug),
    categoryId: values.categoryId || null,
  };
}

/** Compares what would be saved, ignoring the revision it is based on. */
export function savedContentKey(values: ItemFormValues): string {
  return JSON.stringify({ ...values, baseRevisionId: null });
}

/** Collects the media ids the form's fields refer to: covers, galleries and attachments. */
export function mediaIdsOf(fields: FieldValues): string[] {
  return Object.entries(fields).flatMap(([name, value]) => {
    if (name.endsWith('MediaIds') && Array.isArray(value)) {
      return value.filter((id): id is string => typeof id === 'string');
    }
    return name.endsWith('MediaId') && typeof value === 'string' && value ? [value] : [];
  });
}

/** Makes a slug from a title with the server's own function, so the suggestion matches it. */
export function slugFromTitle(title: string): string {
  return slugText(title);
}

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
