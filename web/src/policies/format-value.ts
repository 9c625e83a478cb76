import type { I18n, Locale } from '../i18n/create-i18n.ts';
import {
  asRecord,
  asStringList,
  type DeadlineRule,
  type NumberBounds,
  type Policy,
  type PolicyUnit,
  type SetBounds,
} from './types.ts';

type Translate = I18n['t'];

export const byteUnits = [
  { unit: 'B', factor: 1 },
  { unit: 'KiB', factor: 1024 },
  { unit: 'MiB', factor: 1024 ** 2 },
  { unit: 'GiB', factor: 1024 ** 3 },
] as const;

export type ByteUnit = (typeof byteUnits)[number]['unit'];

export function byteFactor(unit: ByteUnit): number {
  return byteUnits.find((candidate) => candidate.unit === unit)?.factor ?? 1;
}

/** Picks the largest unit that divides `bytes` exactly, so an editor shows a whole number. */
export function exactByteUnit(bytes: number): ByteUnit {
  const exact = [...byteUnits].reverse().find((candidate) => bytes % candidate.factor === 0);
  return exact?.unit ?? 'B';
}

function formatBytes(bytes: number, locale: Locale): string {
  const unit = [...byteUnits].reverse().find((candidate) => bytes >= candidate.factor);
  const shown = unit ?? byteUnits[0];
  const amount = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: 1,
  }).format(bytes / shown.factor);

  return `${amount} ${shown.unit}`;
}

/** Formats a number of a policy in its unit, e.g. "20 ngày" or "10 MiB". */
export function formatAmount(
  amount: number,
  unit: PolicyUnit | null,
  i18n: Pick<I18n, 't' | 'locale'>,
): string {
  if (unit === 'bytes') {
    return formatBytes(amount, i18n.locale());
  }
  return unit ? i18n.t(`policies.unit.${unit}`, { count: amount }) : String(amount);
}

/** Returns the label of a set member from the policy's options, else the member itself. */
export function optionLabel(policy: Pick<Policy, 'options'>, value: string, locale: Locale) {
  const option = policy.options?.find((candidate) => candidate.value === value);
  return option ? option.label[locale] : value;
}

export function formatDeadline(rule: DeadlineRule, t: Translate): string {
  return t('policies.deadline.rule', {
    amount: rule.amount,
    unit: t(`policies.deadline.unit.${rule.unit}`),
    from: t(`policies.deadline.from.${rule.from}`),
  });
}

function formatList(items: readonly string[], t: Translate): string {
  return items.length > 0 ? items.join(', ') : t('policies.value.none');
}

/** Formats any policy value for reading, in the interface language. */
export function formatValue(
  policy: Pick<Policy, 'type' | 'unit' | 'options'>,
  value: unknown,
  i18n: Pick<I18n, 't' | 'locale'>,
): string {
  const { t } = i18n;
  switch (policy.type) {
    case 'number':
      return typeof value === 'number' ? formatAmount(value, policy.unit, i18n) : '—';
    case 'boolean':
      return value === true ? t('policies.value.on') : t('policies.value.off');
    case 'string_set':
      return formatList(
        asStringList(value).map((item) => optionLabel(policy, item, i18n.locale())),
        t,
      );
    case 'deadline_map':
      return formatList(
        Object.entries(asRecord<DeadlineRule>(value)).map(
          ([key, rule]) => `${optionLabel(policy, key, i18n.locale())}: ${formatDeadline(rule, t)}`,
        ),
        t,
      );
    case 'attribute_map':
      return formatList(
        Object.entries(asRecord<string[]>(value)).map(
          ([tag, names]) => `<${tag}>: ${formatList(names, t)}`,
        ),
        t,
      );
  }
}

/** Formats a policy's bounds, or states that it has none. */
export function formatBounds(
  policy: Pick<Policy, 'type' | 'unit' | 'options' | 'bounds'>,
  i18n: Pick<I18n, 't' | 'locale'>,
): string {
  const { t } = i18n;
  if (policy.bounds === null || policy.bounds === undefined) {
    return t('policies.bounds.none');
  }
  if (policy.type === 'number') {
    const { min, max } = policy.bounds as NumberBounds;
    const amount = (value: number) => formatAmount(value, policy.unit, i18n);
    if (min !== undefined && max !== undefined) {
      return t('policies.bounds.between', { min: amount(min), max: amount(max) });
    }
    if (min !== undefined) {
      return t('policies.bounds.atLeast', { min: amount(min) });
    }
    return max !== undefined ? t('policies.bounds.atMost', { max: amount(max) }) : '—';
  }
  const { mustInclude, mayInclude } = policy.bounds as SetBounds;
  const labels = (items: string[]) =>
    formatList(
      items.map((item) => optionLabel(policy, item, i18n.locale())),
      t,
    );
  const parts = [
    mustInclude?.length ? t('policies.bounds.mustInclude', { items: labels(mustInclude) }) : '',
    mayInclude ? t('policies.bounds.mayInclude', { items: labels(mayInclude) }) : '',
  ].filter(Boolean);

  return parts.length > 0 ? parts.join(' ') : t('policies.bounds.none');
}
