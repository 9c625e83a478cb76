import { A } from '@solidjs/router';

import { PageHeading } from '../components/PageHeading.tsx';
import { paths } from '../paths.ts';
import { useApp } from '../stores/app-context.tsx';

/** Shown for an address inside the admin that names no page. */
export default function NotFound() {
  const { i18n } = useApp();

  return (
    <section class="status-page">
      <p class="status-page__code" aria-hidden="true">
        404
      </p>
      <PageHeading title={i18n.t('notFound.title')} description={i18n.t('notFound.text')} />
      <p>
        <A class="button button--secondary" href={paths.dashboard}>
          {i18n.t('common.toDashboard')}
        </A>
      </p>
    </section>
  );
}
