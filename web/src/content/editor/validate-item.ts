import type { FieldProblem } from '../../api/api-error.ts';
import type { I18n } from '../../i18n/create-i18n.ts';
import type { ContentType } from '../content-names.ts';
import {
  requiredScheduleEntryFields,
  typeFieldDefinitions,
  type ScheduleEntryValues,
} from './field-definitions.ts';
import { slugPattern, type ItemFormValues } from './item-form-values.ts';

type Translate = I18n['t'];

/** Problems by form path: `titleVi`, `slug`, `fields.issuedOn`, `fields.entries.0.time`. */
export type FormProblems = Record<string, string>;

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function checkScheduleEntries(entries: ScheduleEntryValues[], t: Translate, into: FormProblems) {
  entries.forEach((entry, index) => {
    for (const name of requiredScheduleEntryFields) {
      if (isBlank(entry[name])) {
        into[`fields.entries.${index}.${name}`] = t('editor.problem.required');
      }
    }
  });
}

function checkDateOrder(type: ContentType, fields: ItemFormValues['fields'], t: Translate) {
  const problems: FormProblems = {};
  const date = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
  if (type === 'legal_document') {
    if (date('issuedOn') && date('effectiveOn') && date('effectiveOn') < date('issuedOn')) {
      problems['fields.effectiveOn'] = t('editor.problem.beforeIssued');
    }
    if (date('expiresOn') && date('effectiveOn') && date('expiresOn') <= date('effectiveOn')) {
      problems['fields.expiresOn'] = t('editor.problem.notAfterEffective');
    }
  }
  if (type === 'draft_for_comment' && date('opensOn') && date('closesOn') < date('opensOn')) {
    problems['fields.closesOn'] = t('editor.problem.beforeOpening');
  }
  const weekStart = date('weekStart');
  if (
    type === 'work_schedule' &&
    weekStart &&
    new Date(`${weekStart}T00:00:00Z`).getUTCDay() !== 1
  ) {
    problems['fields.weekStart'] = t('editor.problem.notMonday');
  }

  return problems;
}

/**
 * Checks the form before it is sent, so the common mistakes are pointed out at once. The
 * server checks everything again and has the last word.
 */
export function validateItemForm(
  type: ContentType,
  values: ItemFormValues,
  t: Translate,
): FormProblems {
  const problems: FormProblems = {};
  if (isBlank(values.titleVi)) {
    problems.titleVi = t('editor.problem.required');
  }
  if (values.slug.trim() !== '' && !slugPattern.test(values.slug.trim())) {
    problems.slug = t('editor.problem.slug');
  }
  for (const definition of typeFieldDefinitions[type]) {
    const value = values.fields[definition.name];
    if (definition.kind === 'schedule') {
      checkScheduleEntries((value as ScheduleEntryValues[] | undefined) ?? [], t, problems);
    } else if ('isRequired' in definition && definition.isRequired && isBlank(value)) {
      problems[`fields.${definition.name}`] = t('editor.problem.required');
    }
  }

  return { ...problems, ...checkDateOrder(type, values.fields, t) };
}

/** Puts the server's English field messages into the user's language. */
function translateServerMessage(message: string, t: Translate): string {
  const known: Record<string, Parameters<Translate>[0]> = {
    'must not be before the issue date': 'editor.problem.beforeIssued',
    'must be after the effective date': 'editor.problem.notAfterEffective',
    'must not be before the opening date': 'editor.problem.beforeOpening',
    'must be a Monday': 'editor.problem.notMonday',
    'must be a time such as 08:30': 'editor.problem.time',
    'already in use': 'editor.problem.slugTaken',
    'not found': 'editor.problem.notFound',
    'is required for this step': 'editor.problem.required',
    'must be in the future': 'editor.problem.future',
  };
  const key = known[message];
  if (key) {
    return t(key);
  }
  if (/received undefined|>=1 character/.test(message)) {
    return t('editor.problem.required');
  }
  const example = /^invalid; for example (\S+)$/.exec(message);
  if (example) {
    return t('editor.problem.slugExample', { example: example[1] ?? '' });
  }
  if (/date/i.test(message)) {
    return t('editor.problem.date');
  }

  return t('field.invalid');
}

/** Translates the server's field problems, keyed by the same paths as `validateItemForm`. */
export function problemsFromServer(fields: readonly FieldProblem[], t: Translate): FormProblems {
  const problems: FormProblems = {};
  for (const problem of fields) {
    problems[problem.field] ??= translateServerMessage(problem.message, t);
  }

  return problems;
}

/** Selects the problems below `fields.`, keyed by the path inside the type's fields. */
export function typeFieldProblems(problems: FormProblems): FormProblems {
  return Object.fromEntries(
    Object.entries(problems)
      .filter(([path]) => path.startsWith('fields.'))
      .map(([path, message]) => [path.slice('fields.'.length), message]),
  );
}
