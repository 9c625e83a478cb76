import type { PublishedSummary } from '../content/public-queries.ts';
import { Breadcrumbs, ItemList, Pagination, trailFrom } from './components.tsx';
import { pageHref } from './pages.tsx';
import { sitePaths } from './urls.ts';

export type SearchPageProps = {
  text: string;
  /** Null before a search, or when the search could not run. */
  results: PublishedSummary[] | null;
  page: number;
  hasNext: boolean;
  /** Shown instead of results: invalid input, or search not available. */
  problem?: string | undefined;
};

/** The search form, which works without scripts, and the results of one query. */
export function SearchPage(props: SearchPageProps) {
  return (
    <>
      <Breadcrumbs trail={trailFrom({ label: 'Tìm kiếm' })} />
      <h1>Tìm kiếm</h1>
      <form class="filters" role="search" method="get" action={sitePaths.search}>
        <div class="field field-wide">
          <label for="tu-khoa">Từ khóa</label>
          <input
            id="tu-khoa"
            type="search"
            name="q"
            value={props.text}
            maxlength={200}
            aria-describedby="goi-y-tim-kiem"
          />
          <p class="meta" id="goi-y-tim-kiem">
            Có thể gõ tiếng Việt có dấu hoặc không dấu; đặt cụm từ trong dấu ngoặc kép để tìm chính
            xác.
          </p>
        </div>
        <div class="form-actions">
          <button type="submit">Tìm kiếm</button>
        </div>
      </form>
      {props.problem ? (
        <div class="error-summary" role="alert">
          <p>{props.problem}</p>
        </div>
      ) : null}
      {props.results ? (
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua">Kết quả cho “{props.text}”</h2>
          <ItemList items={props.results} emptyText="Không tìm thấy nội dung phù hợp." />
          <Pagination
            page={props.page}
            hasNext={props.hasNext}
            hrefOf={(page) =>
              pageHref(sitePaths.search, page, new URLSearchParams({ q: props.text }))
            }
          />
        </section>
      ) : null}
    </>
  );
}
