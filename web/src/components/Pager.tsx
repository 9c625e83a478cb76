import { Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';

export type PagerProps = {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  /** Names the navigation for screen readers, such as "Pages of cases". "Pages" by default. */
  label?: string;
};

/** Shows previous and next buttons with the position between them, hidden while there is one page. */
export function Pager(props: PagerProps) {
  const { i18n } = useApp();

  return (
    <Show when={props.pageCount > 1}>
      <nav class="pager" aria-label={props.label ?? i18n.t('pager.label')}>
        <button
          type="button"
          class="button button--secondary"
          disabled={props.page <= 1}
          onClick={() => props.onPage(props.page - 1)}
        >
          {i18n.t('pager.previous')}
        </button>
        <p class="pager__position">
          {i18n.t('pager.position', { page: props.page, pages: props.pageCount })}
        </p>
        <button
          type="button"
          class="button button--secondary"
          disabled={props.page >= props.pageCount}
          onClick={() => props.onPage(props.page + 1)}
        >
          {i18n.t('pager.next')}
        </button>
      </nav>
    </Show>
  );
}
