import type { MessageKey } from '../../i18n/create-i18n.ts';

/** The compared fields whose text is HTML, shown in a diff without its markup. */
export const richTextFields = new Set(['bodyVi', 'bodyEn']);

const fieldLabels: Record<string, MessageKey> = {
  titleVi: 'editor.diffField.titleVi',
  titleEn: 'editor.diffField.titleEn',
  leadVi: 'editor.diffField.leadVi',
  leadEn: 'editor.diffField.leadEn',
  bodyVi: 'editor.diffField.bodyVi',
  bodyEn: 'editor.diffField.bodyEn',
  fields: 'editor.diffField.fields',
  slug: 'editor.diffField.slug',
};

/** Returns the label of a compared field, or undefined for a field this admin does not know. */
export function diffFieldLabel(field: string): MessageKey | undefined {
  return fieldLabels[field];
}
