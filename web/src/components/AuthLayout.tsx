import type { ParentProps } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';

/** The frame of the pages before the admin opens: sign-in, code, set-up and password reset. */
export function AuthLayout(props: ParentProps<{ isWide?: boolean }>) {
  const { i18n } = useApp();

  return (
    <div class="auth">
      <header class="auth__header">
        <div class="brand">
          <span class="brand__mark" aria-hidden="true" />
          <span class="brand__text">
            <span class="brand__ministry">{i18n.t('brand.ministry')}</span>
            <span class="brand__product">{i18n.t('brand.product')}</span>
          </span>
        </div>
        <LanguageToggle />
      </header>
      <ConnectionBanner />
      <main id="main" class="auth__main">
        <div class="auth__card" classList={{ 'auth__card--wide': props.isWide === true }}>
          {props.children}
        </div>
      </main>
      <footer class="auth__footer">{i18n.t('brand.footer')}</footer>
    </div>
  );
}
