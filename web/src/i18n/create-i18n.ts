import { createSignal } from 'solid-js';

import { catalogues, type MessageKey } from './catalogues.ts';

export type Locale = 'vi' | 'en';

const storageKey = 'admin.locale';
const dateLocales: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

// Made once per language, since lists format a time on every row. Times are Vietnam's wherever
// the browser is, as the server counts deadlines and schedules in that zone.
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  vi: dateTimeFormat('vi'),
  en: dateTimeFormat('en'),
};

function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(dateLocales[locale], {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function readStoredLocale(storage: Storage | undefined): Locale {
  try {
    return storage?.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Fills `{name}` placeholders; a placeholder without a value stays visible, so it gets noticed. */
function interpolate(template: string, params: Record<string, string | number> | undefined) {
  if (!params) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * Creates the language store: Vietnamese unless the user chose English, remembered in
 * localStorage, and mirrored to `<html lang>` so screen readers pronounce the page correctly.
 */
export function createI18n(storage: Storage | undefined = globalThis.localStorage) {
  const [locale, setLocaleSignal] = createSignal<Locale>(readStoredLocale(storage));
  document.documentElement.lang = locale();

  const setLocale = (next: Locale) => {
    setLocaleSignal(next);
    document.documentElement.lang = next;
    try {
      storage?.setItem(storageKey, next);
    } catch {
      // A browser that refuses storage still switches; the choice lasts until reload.
    }
  };

  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    interpolate(catalogues[locale()][key], params);

  const formatDateTime = (iso: string | null | undefined) => {
    if (!iso) {
      return t('common.never');
    }
    return dateTimeFormats[locale()].format(new Date(iso));
  };

  return { locale, setLocale, t, formatDateTime };
}

export type I18n = ReturnType<typeof createI18n>;
export type { MessageKey };
