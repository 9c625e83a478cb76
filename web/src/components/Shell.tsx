import { useLocation } from '@solidjs/router';
import { createEffect, createSignal, on, Show, Suspense, type ParentProps } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { SideNav } from './SideNav.tsx';
import { TopBar } from './TopBar.tsx';

/** The admin's frame once signed in: top bar, navigation and the page. */
export function Shell(props: ParentProps) {
  const { session, i18n } = useApp();
  const location = useLocation();
  const navId = 'side-navigation';
  const [isNavOpen, setNavOpen] = createSignal(false);

  // On a phone the menu covers the page, so it closes whenever the page changes.
  createEffect(
    on(
      () => location.pathname,
      () => setNavOpen(false),
      { defer: true },
    ),
  );

  return (
    <Show
      when={session.state().status === 'ready'}
      fallback={<p class="loading-screen">{i18n.t('common.loading')}</p>}
    >
      <div class="shell">
        <a
          class="skip-link"
          href="#main"
          // Focus moves too, not only the scroll position, so the next Tab starts in the page.
          on:click={(event) => {
            event.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {i18n.t('nav.skip')}
        </a>
        <TopBar
          navId={navId}
          isNavOpen={isNavOpen()}
          onToggleNav={() => setNavOpen(!isNavOpen())}
        />
        <ConnectionBanner />
        <div class="shell__body">
          <SideNav id={navId} isOpen={isNavOpen()} onNavigate={() => setNavOpen(false)} />
          <main id="main" class="shell__main" tabIndex={-1}>
            <Suspense fallback={<p class="muted">{i18n.t('common.loading')}</p>}>
              {props.children}
            </Suspense>
          </main>
        </div>
      </div>
    </Show>
  );
}
