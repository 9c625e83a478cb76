import type { I18n, MessageKey } from '../i18n/create-i18n.ts';
import type { TenantCompliance } from './types.ts';

type Translate = I18n['t'];

/** Formats a waiting time given in hours: hours under two days, whole days after that. */
export function formatWait(hours: number, t: Translate): string {
  return hours < 48
    ? t('compliance.age.hours', { count: hours })
    : t('compliance.age.days', { count: Math.floor(hours / 24) });
}

/** Age groups of the waiting-items chart, as upper limits in hours. */
const waitBuckets: { label: MessageKey; belowHours: number }[] = [
  { label: 'compliance.wait.underDay', belowHours: 24 },
  { label: 'compliance.wait.underThreeDays', belowHours: 72 },
  { label: 'compliance.wait.underWeek', belowHours: 168 },
  { label: 'compliance.wait.overWeek', belowHours: Number.POSITIVE_INFINITY },
];

/** Counts the items waiting for review in each age group, over the given portals. */
export function waitingByAge(portals: readonly TenantCompliance[], t: Translate) {
  const counts = waitBuckets.map(() => 0);
  for (const item of portals.flatMap((portal) => portal.pendingReviews)) {
    const index = waitBuckets.findIndex((bucket) => item.hoursWaiting < bucket.belowHours);
    counts[index] = (counts[index] ?? 0) + 1;
  }

  return { labels: waitBuckets.map((bucket) => t(bucket.label)), values: counts };
}
