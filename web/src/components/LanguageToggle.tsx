import { useApp } from '../stores/app-context.tsx';

/** Switches between Vietnamese and English; the button names the other language in itself. */
export function LanguageToggle() {
  const { i18n } = useApp();
  const isVietnamese = () => i18n.locale() === 'vi';

  return (
    <button
      type="button"
      class="button button--quiet language-toggle"
      lang={isVietnamese() ? 'en' : 'vi'}
      aria-label={isVietnamese() ? 'Switch to English' : 'Chuyển sang tiếng Việt'}
      onClick={() => i18n.setLocale(isVietnamese() ? 'en' : 'vi')}
    >
      {isVietnamese() ? 'English' : 'Tiếng Việt'}
    </button>
  );
}
