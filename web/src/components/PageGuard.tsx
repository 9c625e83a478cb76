import { Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';

import type { ShellPage } from '../pages.ts';
import Forbidden from '../routes/Forbidden.tsx';
import { useApp } from '../stores/app-context.tsx';

/** Renders a page when the user may open it on the current portal, else the 403 page. */
export function PageGuard(props: { page: ShellPage }) {
  const { session, scope } = useApp();
  const isAllowed = () => {
    const me = session.me();
    return me !== undefined && props.page.isAllowed({ me, tenant: scope.current() });
  };

  return (
    <Show when={isAllowed()} fallback={<Forbidden />}>
      <Dynamic component={props.page.component} />
    </Show>
  );
}
