import { Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';

export type MediaPagerProps = {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
};

/** The previous and next buttons of a paged grid, shown when there is more than one page. */
export function MediaPager(props: MediaPagerProps) {
  const { i18n } = useApp();

  return (
    <Show when={props.pageCount > 1}>
      <nav class="pager" aria-label={i18n.t('media.pages')}>
        <button
          type="button"
          class="button button--secondary"
          disabled={props.page <= 1}
          onClick={() => props.onPage(props.page - 1)}
        >
          {i18n.t('media.previousPage')}
        </button>
        <p class="pager__position">
          {i18n.t('media.pagePosition', { page: props.page, pages: props.pageCount })}
        </p>
        <button
          type="button"
          class="button button--secondary"
          disabled={props.page >= props.pageCount}
          onClick={() => props.onPage(props.page + 1)}
        >
          {i18n.t('media.nextPage')}
        </button>
      </nav>
    </Show>
  );
}
