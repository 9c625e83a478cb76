import type { Locale } from '../i18n/create-i18n.ts';

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
const numberLocales: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * Formats a byte count for people: `1,5 MB` in Vietnamese, `1.5 MB` in English. The steps are
 * of 1024, as the server's limits are, under the KB/MB/GB names that file managers show.
 */
export function formatFileSize(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const format = new Intl.NumberFormat(numberLocales[locale], {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  });

  return format.format(value);
}
