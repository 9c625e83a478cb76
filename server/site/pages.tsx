import { raw } from 'hono/html';

import type { PublishedItem } from '../content/public-queries.ts';
import { sanitizeRichText } from '../content/sanitize.ts';
import type { ResolvedTenant } from '../tenancy/tenant-directory.ts';
import { formatDate } from './layout.tsx';
import { sitePaths } from './urls.ts';

function ArticleCard(props: { item: PublishedItem }) {
  const { item } = props;
  return (
    <li class="card">
      <h3>
        <a href={sitePaths.article(item.slug)}>{item.titleVi}</a>
      </h3>
      <p class="meta">
        <time datetime={item.publishedAt.toISOString()}>{formatDate(item.publishedAt)}</time>
      </p>
      {item.leadVi ? <p>{item.leadVi}</p> : null}
    </li>
  );
}

function Breadcrumbs(props: { trail: { href?: string; label: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label="Đường dẫn">
      <ol>
        {props.trail.map((step) => (
          <li>
            {step.href ? (
              <a href={step.href}>{step.label}</a>
            ) : (
              <span aria-current="page">{step.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function HomePage(props: { tenant: ResolvedTenant; articles: PublishedItem[] }) {
  return (
    <>
      <h1>{props.tenant.nameVi}</h1>
      <p class="lead">{props.tenant.descriptionVi}</p>
      <section aria-labelledby="tin-moi">
        <h2 id="tin-moi">Tin mới</h2>
        {props.articles.length > 0 ? (
          <ul class="card-list">
            {props.articles.map((item) => (
              <ArticleCard item={item} />
            ))}
          </ul>
        ) : (
          <p>Chưa có tin bài nào được đăng.</p>
        )}
        <p>
          <a href={sitePaths.articles}>Xem tất cả tin tức</a>
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
    </>
  );
}

export function ArticleListPage(props: {
  articles: PublishedItem[];
  page: number;
  hasNext: boolean;
}) {
  return (
    <>
      <Breadcrumbs trail={[{ href: sitePaths.home, label: 'Trang chủ' }, { label: 'Tin tức' }]} />
      <h1>Tin tức – Sự kiện</h1>
      {props.articles.length > 0 ? (
        <ul class="card-list">
          {props.articles.map((item) => (
            <ArticleCard item={item} />
          ))}
        </ul>
      ) : (
        <p>Chưa có tin bài nào được đăng.</p>
      )}
      <nav aria-label="Phân trang">
        {props.page > 1 ? (
          <a href={`${sitePaths.articles}?trang=${props.page - 1}`}>‹ Trang trước</a>
        ) : null}{' '}
        {props.hasNext ? (
          <a href={`${sitePaths.articles}?trang=${props.page + 1}`}>Trang sau ›</a>
        ) : null}
      </nav>
    </>
  );
}

export function ItemPage(props: {
  item: PublishedItem;
  section?: { href: string; label: string };
}) {
  const { item } = props;
  const trail = [{ href: sitePaths.home, label: 'Trang chủ' }];
  if (props.section) {
    trail.push(props.section);
  }
  return (
    <article>
      <Breadcrumbs trail={[...trail, { label: item.titleVi }]} />
      <h1>{item.titleVi}</h1>
      {item.type === 'article' ? (
        <p class="meta">
          Đăng ngày{' '}
          <time datetime={item.publishedAt.toISOString()}>{formatDate(item.publishedAt)}</time>
        </p>
      ) : null}
      {item.leadVi ? <p class="lead">{item.leadVi}</p> : null}
      <div class="body">{raw(sanitizeRichText(item.bodyVi))}</div>
      <p class="meta">
        Cập nhật lần cuối:{' '}
        <time datetime={item.updatedAt.toISOString()}>{formatDate(item.updatedAt)}</time>
      </p>
    </article>
  );
}

export function DirectoryPage(props: { members: { tenant: ResolvedTenant; url: string }[] }) {
  return (
    <>
      <Breadcrumbs
        trail={[{ href: sitePaths.home, label: 'Trang chủ' }, { label: 'Cổng thành viên' }]}
      />
      <h1>Cổng thông tin thành viên</h1>
      <p>Cổng thông tin điện tử của các đơn vị thuộc Bộ.</p>
      <ul class="card-list">
        {props.members.map(({ tenant, url }) => (
          <li class="card">
            <h3>
              <a href={url}>{tenant.nameVi}</a>
            </h3>
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
