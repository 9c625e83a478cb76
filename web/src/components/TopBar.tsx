import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';

import { paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { TenantSwitcher } from './TenantSwitcher.tsx';

export type TopBarProps = {
  navId: string;
  isNavOpen: boolean;
  onToggleNav: () => void;
};

/** The bar above every page: product, portal switcher, language, the user and sign-out. */
export function TopBar(props: TopBarProps) {
  const { session, i18n } = useApp();
  const navigate = useNavigate();
  const [isSigningOut, setSigningOut] = createSignal(false);
  const [hasSignOutFailed, setSignOutFailed] = createSignal(false);

  const signOut = async () => {
    setSigningOut(true);
    setSignOutFailed(false);
    try {
      await session.signOut();
      navigate(paths.signIn, { replace: true });
    } catch {
      setSignOutFailed(true);
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <header class="top-bar">
      <div class="top-bar__start">
        <button
          type="button"
          class="top-bar__menu"
          aria-expanded={props.isNavOpen ? 'true' : 'false'}
          aria-controls={props.navId}
          onClick={() => props.onToggleNav()}
        >
          {i18n.t('nav.menu')}
        </button>
        <a class="brand brand--on-dark" href="/admin/">
          <span class="brand__mark" aria-hidden="true" />
          <span class="brand__text">
            <span class="brand__ministry">{i18n.t('brand.ministryShort')}</span>
            <span class="brand__product">{i18n.t('brand.product')}</span>
          </span>
        </a>
      </div>
      <TenantSwitcher />
      <div class="top-bar__end">
        <LanguageToggle />
        <span class="top-bar__user" title={session.me()?.user.email}>
          {session.me()?.user.displayName}
        </span>
        <button
          type="button"
          class="button button--on-dark"
          aria-busy={isSigningOut() ? 'true' : undefined}
          onClick={() => void signOut()}
        >
          {isSigningOut() ? i18n.t('signOut.busy') : i18n.t('signOut.button')}
        </button>
        <Show when={hasSignOutFailed()}>
          <span class="top-bar__error" role="alert">
            {i18n.t('signOut.failed')}
          </span>
        </Show>
      </div>
    </header>
  );
}
