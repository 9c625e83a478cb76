import type { PublishedSummary } from '../content/public-queries.ts';
import type { ResolvedTenant } from '../tenancy/tenant-directory.ts';
import type { SiteCategory } from './category-tree.ts';
import { Breadcrumbs, ItemList, Pagination, trailFrom } from './components.tsx';
import { formatDate } from './dates.ts';
import { itemPath, sitePaths, typeSections } from './urls.ts';

/** Builds `path?trang=N`, leaving the first page without the parameter. */
export function pageHref(
  path: string,
  page: number,
  query: URLSearchParams = new URLSearchParams(),
) {
  const params = new URLSearchParams(query);
  params.delete('trang');
  if (page > 1) {
    params.set('trang', String(page));
  }
  const search = params.toString();

  return search ? `${path}?${search}` : path;
}

function HeadlineList(props: { items: PublishedSummary[]; emptyText: string }) {
  if (props.items.length === 0) {
    return <p class="empty">{props.emptyText}</p>;
  }
  return (
    <ul class="headline-list">
      {props.items.map((item) => (
        <li>
          <a href={itemPath(item)}>{item.titleVi}</a>{' '}
          <span class="meta">
            <time datetime={item.firstPublishedAt.toISOString()}>
              {formatDate(item.firstPublishedAt)}
            </time>
          </span>
        </li>
      ))}
    </ul>
  );
}

export type HomePageProps = {
  tenant: ResolvedTenant;
  articles: PublishedSummary[];
  announcements: PublishedSummary[];
  legalDocuments: PublishedSummary[];
};

export function HomePage(props: HomePageProps) {
  return (
    <>
      <h1>{props.tenant.nameVi}</h1>
      <p class="lead">{props.tenant.descriptionVi}</p>
      <div class="home-grid">
        <section aria-labelledby="tin-moi" class="home-news">
          <h2 id="tin-moi">Tin mới</h2>
          <ItemList items={props.articles} emptyText="Chưa có tin bài nào được đăng." />
          <p>
            <a href={sitePaths.articles}>Xem tất cả tin tức</a>
          </p>
        </section>
        <div class="home-side">
          <section aria-labelledby="thong-bao-moi">
            <h2 id="thong-bao-moi">Thông báo</h2>
            <HeadlineList items={props.announcements} emptyText="Chưa có thông báo." />
            <p>
              <a href={typeSections.announcement.path}>Xem tất cả thông báo</a>
            </p>
          </section>
          <section aria-labelledby="van-ban-moi">
            <h2 id="van-ban-moi">Văn bản mới</h2>
            <HeadlineList items={props.legalDocuments} emptyText="Chưa có văn bản." />
            <p>
              <a href={sitePaths.legalDocuments}>Tra cứu văn bản</a>
            </p>
          </section>
          {props.tenant.kind === 'main' ? (
            <section aria-labelledby="cong-thanh-vien">
              <h2 id="cong-thanh-vien">Cổng thành viên</h2>
              <p>
                <a href={sitePaths.directory}>Danh sách cổng thông tin của các đơn vị thuộc Bộ</a>
              </p>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** The list page of one content type, newest first. */
export function TypeListPage(props: {
  title: string;
  path: string;
  items: PublishedSummary[];
  page: number;
  hasNext: boolean;
}) {
  return (
    <>
      <Breadcrumbs trail={trailFrom({ label: props.title })} />
      <h1>{props.title}</h1>
      <ItemList items={props.items} emptyText="Chưa có nội dung nào được đăng." headingLevel={2} />
      <Pagination
        page={props.page}
        hasNext={props.hasNext}
        hrefOf={(page) => pageHref(props.path, page)}
      />
    </>
  );
}

/** A category with its sub-categories and the items of the whole subtree. */
export function CategoryPage(props: {
  path: SiteCategory[];
  subcategories: SiteCategory[];
  items: PublishedSummary[];
  page: number;
  hasNext: boolean;
}) {
  const category = props.path[props.path.length - 1]!;
  const ancestors = props.path.slice(0, -1).map((step) => ({
    href: sitePaths.category(step.slug),
    label: step.nameVi,
  }));
  return (
    <>
      <Breadcrumbs trail={trailFrom(...ancestors, { label: category.nameVi })} />
      <h1>{category.nameVi}</h1>
      {props.subcategories.length > 0 ? (
        <nav class="subcategories" aria-label="Chuyên mục con">
          <ul>
            {props.subcategories.map((child) => (
              <li>
                <a href={sitePaths.category(child.slug)}>{child.nameVi}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <ItemList
        items={props.items}
        emptyText="Chuyên mục này chưa có nội dung nào được đăng."
        headingLevel={2}
      />
      <Pagination
        page={props.page}
        hasNext={props.hasNext}
        hrefOf={(page) => pageHref(sitePaths.category(category.slug), page)}
      />
    </>
  );
}

export function DirectoryPage(props: { members: { tenant: ResolvedTenant; url: string }[] }) {
  return (
    <>
      <Breadcrumbs trail={trailFrom({ label: 'Cổng thành viên' })} />
      <h1>Cổng thông tin thành viên</h1>
      <p>Cổng thông tin điện tử của các đơn vị thuộc Bộ.</p>
      <ul class="card-list">
        {props.members.map(({ tenant, url }) => (
          <li class="card">
            <h2>
              <a href={url}>{tenant.nameVi}</a>
            </h2>
            {tenant.nameEn ? (
              <p lang="en" class="meta">
                {tenant.nameEn}
              </p>
            ) : null}
            <p>{tenant.descriptionVi}</p>
            {tenant.kind === 'independent' ? (
              <p class="meta">Cổng thành viên do đơn vị tự vận hành</p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
