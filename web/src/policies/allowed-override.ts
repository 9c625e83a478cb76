import type { I18n } from '../i18n/create-i18n.ts';
import { formatAmount, formatValue, optionLabel } from './format-value.ts';
import type { NumberBounds, Policy, SetBounds } from './types.ts';

/**
 * Describes, in the interface language, the values a portal may choose for its override: the
 * server's `allowedOverride` states the same in English and remains the rule that counts.
 */
export function describeAllowedOverride(policy: Policy, i18n: Pick<I18n, 't' | 'locale'>): string {
  const { t } = i18n;
  const board = policy.boardValue;
  switch (policy.direction) {
    case 'lower':
    case 'higher': {
      const bounds = (policy.bounds ?? {}) as NumberBounds;
      const boardNumber = typeof board === 'number' ? board : 0;
      const limit =
        policy.direction === 'lower'
          ? Math.min(boardNumber, bounds.max ?? boardNumber)
          : Math.max(boardNumber, bounds.min ?? boardNumber);
      const other = policy.direction === 'lower' ? bounds.min : bounds.max;
      const amount = (value: number) => formatAmount(value, policy.unit, i18n);
      const key =
        policy.direction === 'lower' ? 'policies.allowed.atMost' : 'policies.allowed.atLeast';
      const main = t(key, { value: amount(limit) });
      const extraKey =
        policy.direction === 'lower' ? 'policies.allowed.andAtLeast' : 'policies.allowed.andAtMost';
      return other === undefined ? main : `${main} ${t(extraKey, { value: amount(other) })}`;
    }
    case 'grow':
    case 'shrink': {
      const bounds = (policy.bounds ?? {}) as SetBounds;
      const labels = (items: readonly string[]) =>
        items.map((item) => optionLabel(policy, item, i18n.locale())).join(', ');
      const main =
        policy.direction === 'grow'
          ? t('policies.allowed.grow', { items: formatValue(policy, board, i18n) })
          : t('policies.allowed.shrink', { items: formatValue(policy, board, i18n) });
      const extras = [
        bounds.mustInclude?.length
          ? t('policies.allowed.mustKeep', { items: labels(bounds.mustInclude) })
          : '',
        policy.direction === 'grow' && bounds.mayInclude
          ? t('policies.allowed.chosenFrom', { items: labels(bounds.mayInclude) })
          : '',
      ].filter(Boolean);
      return [main, ...extras].join(' ');
    }
    case 'disable':
      return board === true ? t('policies.allowed.disable') : t('policies.allowed.alreadyOff');
    case 'shorter':
      return t('policies.allowed.shorter');
    case 'none':
      return t('policies.allowed.none');
  }
}
