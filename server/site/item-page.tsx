import { raw } from 'hono/html';

import type { PublicMedia } from '../content/public-queries.ts';
import { sanitizeRichText } from '../content/sanitize.ts';
import { buildImageSources, mediaPath } from '../media/index.ts';
import { Breadcrumbs, trailFrom, type Crumb } from './components.tsx';
import { formatDate } from './dates.ts';
import { ItemFactsView } from './item-facts-view.tsx';
import type { ItemView } from './item-view.ts';
import { ScheduleDays } from './schedule-view.tsx';
import { itemPath, printParameter, sitePaths, typeSections } from './urls.ts';

const byteFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** Formats a file size as Vietnamese readers expect it: `1,5 MB`, `320 KB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} byte`;
  }
  if (bytes < 1024 * 1024) {
    return `${byteFormat.format(bytes / 1024)} KB`;
  }

  return `${byteFormat.format(bytes / (1024 * 1024))} MB`;
}

const fileKinds: [RegExp, string][] = [
  [/^application\/pdf$/, 'PDF'],
  [/wordprocessingml|msword|opendocument\.text/, 'Word'],
  [/spreadsheetml|ms-excel|opendocument\.spreadsheet|text\/csv/, 'Excel'],
  [/presentationml|ms-powerpoint/, 'PowerPoint'],
  [/^image\//, 'Ảnh'],
  [/zip|x-7z|x-rar/, 'Tệp nén'],
];

function fileKindOf(file: PublicMedia): string {
  return fileKinds.find(([pattern]) => pattern.test(file.contentType))?.[1] ?? 'Tệp';
}

/** The breadcrumb trail of an item: home, its category path or its type's list, the item. */
export function itemTrail(view: ItemView): Crumb[] {
  const section =
    view.categoryPath.length > 0
      ? view.categoryPath.map((category) => ({
          href: sitePaths.category(category.slug),
          label: category.nameVi,
        }))
      : [{ href: typeSections[view.type].path, label: typeSections[view.type].label }];

  return trailFrom(...section, { label: view.titleVi });
}

function Picture(props: { file: PublicMedia; className: string }) {
  const sources = buildImageSources(props.file);
  return (
    <picture class={props.className}>
      {sources.webpSrcset ? (
        <source type="image/webp" srcset={sources.webpSrcset} sizes={sources.sizes} />
      ) : null}
      <img
        src={sources.src}
        srcset={sources.srcset || undefined}
        sizes={sources.srcset ? sources.sizes : undefined}
        width={sources.width ?? undefined}
        height={sources.height ?? undefined}
        alt={props.file.altVi ?? ''}
        loading={props.className === 'cover' ? undefined : 'lazy'}
      />
    </picture>
  );
}

function Attachments(props: { files: PublicMedia[]; baseUrl: string; isPrint: boolean }) {
  if (props.files.length === 0) {
    return null;
  }
  return (
    <section class="attachments" aria-labelledby="tep-dinh-kem">
      <h2 id="tep-dinh-kem">Tệp đính kèm</h2>
      <ul>
        {props.files.map((file) => (
          <li>
            <a href={mediaPath(file)}>{file.originalName}</a>{' '}
            <span class="meta">
              ({fileKindOf(file)}, {formatFileSize(file.sizeBytes)})
            </span>
            {props.isPrint ? (
              <span class="print-url">{props.baseUrl + mediaPath(file)}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Dates(props: { view: ItemView }) {
  const { firstPublishedAt, publishedAt } = props.view;
  if (!firstPublishedAt || !publishedAt) {
    return null;
  }
  // A republished revision counts as an update only if it went live on a later day.
  const isUpdated = formatDate(publishedAt) !== formatDate(firstPublishedAt);
  return (
    <p class="meta">
      Đăng ngày{' '}
      <time datetime={firstPublishedAt.toISOString()}>{formatDate(firstPublishedAt)}</time>
      {isUpdated ? (
        <>
          {' · '}Cập nhật ngày{' '}
          <time datetime={publishedAt.toISOString()}>{formatDate(publishedAt)}</time>
        </>
      ) : null}
    </p>
  );
}

function EnglishVersion(props: { view: ItemView }) {
  const { view } = props;
  if (!view.titleEn && !view.bodyEn) {
    return null;
  }
  return (
    <details class="english" lang="en">
      <summary>English version</summary>
      {view.titleEn ? <h2>{view.titleEn}</h2> : null}
      {view.leadEn ? <p class="lead">{view.leadEn}</p> : null}
      {view.bodyEn ? (
        <div class="body">{raw(sanitizeRichText(view.bodyEn, view.richTextPolicy))}</div>
      ) : null}
    </details>
  );
}

function Related(props: { view: ItemView }) {
  if (props.view.related.length === 0) {
    return null;
  }
  return (
    <aside class="related" aria-labelledby="cung-chuyen-muc">
      <h2 id="cung-chuyen-muc">Cùng chuyên mục</h2>
      <ul>
        {props.view.related.map((item) => (
          <li>
            <a href={itemPath(item)}>{item.titleVi}</a>{' '}
            <span class="meta">
              (
              <time datetime={item.firstPublishedAt.toISOString()}>
                {formatDate(item.firstPublishedAt)}
              </time>
              )
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

export type ItemPageProps = {
  view: ItemView;
  /** The item's public address, printed at the end of the print view. */
  canonicalUrl: string | undefined;
  baseUrl: string;
  isPrint: boolean;
};

/** The page of one item, or its printable view. */
export function ItemPage(props: ItemPageProps) {
  const { view, isPrint } = props;
  return (
    <div class={isPrint ? 'item-layout print' : 'item-layout'}>
      <article class="item">
        {isPrint ? null : <Breadcrumbs trail={itemTrail(view)} />}
        <h1>{view.titleVi}</h1>
        <Dates view={view} />
        {isPrint || !props.canonicalUrl ? null : (
          <p class="item-tools no-print">
            <a href={`?${printParameter}=1`} rel="nofollow">
              Bản in
            </a>
          </p>
        )}
        {view.facts ? <ItemFactsView facts={view.facts} /> : null}
        {view.leadVi ? <p class="lead">{view.leadVi}</p> : null}
        {view.cover ? <Picture file={view.cover} className="cover" /> : null}
        <div class="body">{raw(sanitizeRichText(view.bodyVi, view.richTextPolicy))}</div>
        {view.scheduleDays.length > 0 ? (
          <ScheduleDays days={view.scheduleDays} headingLevel={2} />
        ) : null}
        {view.gallery.length > 0 ? (
          <section class="gallery" aria-label="Ảnh">
            {view.gallery.map((file) => (
              <Picture file={file} className="gallery-image" />
            ))}
          </section>
        ) : null}
        <Attachments files={view.attachments} baseUrl={props.baseUrl} isPrint={isPrint} />
        {isPrint ? null : <EnglishVersion view={view} />}
        {isPrint && props.canonicalUrl ? (
          <p class="print-source">Nguồn: {props.canonicalUrl}</p>
        ) : null}
        {isPrint ? (
          <p class="no-print">
            Dùng lệnh In của trình duyệt (Ctrl+P) để in trang này hoặc lưu thành tệp PDF.{' '}
            {props.canonicalUrl ? <a href={props.canonicalUrl}>Quay lại trang đầy đủ</a> : null}
          </p>
        ) : null}
      </article>
      {isPrint ? null : <Related view={view} />}
    </div>
  );
}
