import type { Child } from 'hono/jsx';

import type { PublishedSummary } from '../content/public-queries.ts';
import { formatDate, formatIsoDate } from './dates.ts';
import { itemPath, sitePaths, typeSections } from './urls.ts';

/** One step of a breadcrumb trail; the last step is the current page and has no link. */
export type Crumb = { href?: string; label: string };

export function Breadcrumbs(props: { trail: Crumb[] }) {
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

/** Starts a trail at the home page. */
export function trailFrom(...steps: Crumb[]): Crumb[] {
  return [{ href: sitePaths.home, label: 'Trang chủ' }, ...steps];
}

function cardMeta(item: PublishedSummary): string | null {
  const fields = item.fields;
  if (item.type === 'legal_document' && typeof fields.numberSymbol === 'string') {
    const issued =
      typeof fields.issuedOn === 'string' ? ` · Ban hành ${formatIsoDate(fields.issuedOn)}` : '';
    return `Số ${fields.numberSymbol}${issued}`;
  }
  if (item.type === 'work_schedule' && typeof fields.weekStart === 'string') {
    return `Tuần từ ${formatIsoDate(fields.weekStart)}`;
  }

  return null;
}

/** A card for one item in a list; the heading level fits where the list sits. */
export function ItemCard(props: { item: PublishedSummary; headingLevel?: 2 | 3 }) {
  const { item } = props;
  const heading = <a href={itemPath(item)}>{item.titleVi}</a>;
  const meta = cardMeta(item);
  return (
    <li class="card">
      <p class="card-type">{typeSections[item.type].label}</p>
      {props.headingLevel === 2 ? <h2>{heading}</h2> : <h3>{heading}</h3>}
      <p class="meta">
        <time datetime={item.firstPublishedAt.toISOString()}>
          {formatDate(item.firstPublishedAt)}
        </time>
        {meta ? ` · ${meta}` : null}
      </p>
      {item.leadVi ? <p>{item.leadVi}</p> : null}
    </li>
  );
}

export function ItemList(props: {
  items: PublishedSummary[];
  emptyText: string;
  headingLevel?: 2 | 3;
}) {
  if (props.items.length === 0) {
    return <p class="empty">{props.emptyText}</p>;
  }

  return (
    <ul class="card-list">
      {props.items.map((item) => (
        <ItemCard item={item} headingLevel={props.headingLevel} />
      ))}
    </ul>
  );
}

/** Previous and next links; `hrefOf` builds the address of a page number. */
export function Pagination(props: {
  page: number;
  hasNext: boolean;
  hrefOf: (page: number) => string;
}) {
  if (props.page <= 1 && !props.hasNext) {
    return null;
  }

  return (
    <nav class="pagination" aria-label="Phân trang">
      {props.page > 1 ? (
        <a href={props.hrefOf(props.page - 1)} rel="prev">
          ‹ Trang trước
        </a>
      ) : null}
      <span>Trang {props.page}</span>
      {props.hasNext ? (
        <a href={props.hrefOf(props.page + 1)} rel="next">
          Trang sau ›
        </a>
      ) : null}
    </nav>
  );
}

/** A list of labelled facts; rows without a value are left out. */
export function FactList(props: { rows: [label: string, value: Child | undefined][] }) {
  const rows = props.rows.filter(([, value]) => value !== undefined && value !== '');
  if (rows.length === 0) {
    return null;
  }

  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <div>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
