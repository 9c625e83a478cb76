import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';

import type { MessageKey } from '../i18n/create-i18n.ts';
import { shellPages, type ShellPage } from '../pages.ts';
import { useApp } from '../stores/app-context.tsx';

const groups: { id: ShellPage['navGroup']; heading: MessageKey }[] = [
  { id: 'portal', heading: 'nav.groupPortal' },
  { id: 'platform', heading: 'nav.groupPlatform' },
  { id: 'account', heading: 'nav.groupAccount' },
];

/** The side navigation: only the pages this user may open on the current portal. */
export function SideNav(props: { id: string; isOpen: boolean; onNavigate: () => void }) {
  const { session, scope, i18n } = useApp();
  const pagesOf = (group: ShellPage['navGroup']) => {
    const me = session.me();
    if (!me) {
      return [];
    }
    return shellPages.filter(
      (page) =>
        page.navGroup === group &&
        page.navLabel !== undefined &&
        page.isAllowed({ me, tenant: scope.current() }),
    );
  };

  return (
    <nav
      id={props.id}
      class="side-nav"
      classList={{ 'side-nav--open': props.isOpen }}
      aria-label={i18n.t('nav.label')}
    >
      <For each={groups}>
        {(group) => (
          <Show when={pagesOf(group.id).length > 0}>
            <h2 class="side-nav__heading">{i18n.t(group.heading)}</h2>
            <ul class="side-nav__list">
              <For each={pagesOf(group.id)}>
                {(page) => (
                  <li>
                    <A
                      href={page.path}
                      end
                      class="side-nav__link"
                      activeClass="side-nav__link--active"
                      onClick={() => props.onNavigate()}
                    >
                      {i18n.t(page.navLabel!)}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </For>
    </nav>
  );
}
