import { A } from '@solidjs/router';

import { PageHeading } from '../components/PageHeading.tsx';
import { paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';

/** Shown for a page the user's roles on this portal do not open. */
export default function Forbidden() {
  const { i18n } = useApp();

  return (
    <section class="status-page">
      <p class="status-page__code" aria-hidden="true">
        403
      </p>
      <PageHeading title={i18n.t('forbidden.title')} description={i18n.t('forbidden.text')} />
      <p>
        <A class="button button--secondary" href={paths.dashboard}>
          {i18n.t('common.toDashboard')}
        </A>
      </p>
    </section>
  );
}
