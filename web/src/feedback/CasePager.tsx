import { Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';

export type CasePagerProps = {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
};

/** Previous and next buttons with the position between them, hidden while there is one page. */
export function CasePager(props: CasePagerProps) {
  const { i18n } = useApp();

  return (
    <Show when={props.pageCount > 1}>
      <nav class="pager" aria-label={i18n.t('feedback.pages')}>
        <button
          type="button"
          class="button button--secondary"
          disabled={props.page <= 1}
          onClick={() => props.onPage(props.page - 1)}
        >
          {i18n.t('feedback.previousPage')}
        </button>
        <p class="pager__position">
          {i18n.t('feedback.pagePosition', { page: props.page, pages: props.pageCount })}
        </p>
        <button
          type="button"
          class="button button--secondary"
          disabled={props.page >= props.pageCount}
          onClick={() => props.onPage(props.page + 1)}
        >
          {i18n.t('feedback.nextPage')}
        </button>
      </nav>
    </Show>
  );
}
