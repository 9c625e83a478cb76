import type { Context } from 'hono';
import { z } from 'zod';

import type { AppEnv } from '../app-env.ts';
import { resolvePreviewLink } from '../content/preview-links.ts';
import {
  findPublished,
  findRedirectTarget,
  type PublishedItem,
} from '../content/public-queries.ts';
import type { ContentType } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import { mediaPath } from '../media/index.ts';
import { todayInVietnam } from './dates.ts';
import { expiredSinceOf } from './item-facts.ts';
import { ItemPage } from './item-page.tsx';
import { loadItemView, type ItemView } from './item-view.ts';
import { baseUrlOf, renderNotFound, renderPage, withSite } from './render.tsx';
import { itemPath, printParameter } from './urls.ts';

export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(200);

/**
 * Checks whether a legal document has been out of force for longer than the lists keep it.
 * Its page stays reachable while the item is live, because other documents and outside sites
 * cite its address, but it carries `noindex` for search engines. The daily retention job
 * (`archiveExpiredLegalDocuments`) archives documents whose expiry date is over a year old,
 * and those then get a 404 like any item that is not live.
 */
function isPastListing(view: ItemView, listCutoff: string, today: string): boolean {
  if (view.facts?.type !== 'legal_document' || !view.publishedAt) {
    return false;
  }
  const since = expiredSinceOf(view.facts.fields, todayInVietnam(view.publishedAt), today);

  return since !== null && since < listCutoff;
}

function describe(view: ItemView): string | undefined {
  if (view.leadVi) {
    return view.leadVi;
  }

  return view.facts?.type === 'legal_document' ? view.facts.fields.summary : undefined;
}

type ItemLookup =
  | { kind: 'found'; view: ItemView; item: PublishedItem }
  | { kind: 'moved'; path: string }
  | { kind: 'missing' };

/**
 * Renders the page of a published item of one type from its live revision. An old slug of the
 * item redirects (301) to the current address, and anything else that is not live is a 404.
 */
export async function renderPublishedItem(c: Context<AppEnv>, type: ContentType) {
  const slug = SlugSchema.safeParse(c.req.param('slug'));
  if (!slug.success) {
    return renderNotFound(c);
  }
  const { tenant } = c.var;
  const { lookup, site } = await withSite(c, async (tx, site) => {
    const item = await findPublished(tx, tenant.id, type, slug.data);
    let found: ItemLookup;
    if (item) {
      found = { kind: 'found', view: await loadItemView(tx, tenant.id, item, site), item };
    } else {
      const target = await findRedirectTarget(tx, tenant.id, type, slug.data);
      found = target ? { kind: 'moved', path: itemPath(target) } : { kind: 'missing' };
    }
    return { lookup: found, site };
  });

  if (lookup.kind === 'missing') {
    return renderNotFound(c);
  }
  if (lookup.kind === 'moved') {
    return c.redirect(lookup.path + new URL(c.req.url).search, 301);
  }

  const { view } = lookup;
  const baseUrl = baseUrlOf(c);
  const canonicalPath = itemPath(lookup.item);
  const isPrint = c.req.query(printParameter) === '1';
  return renderPage(c, {
    site,
    title: view.titleVi,
    description: describe(view),
    canonicalPath,
    isNoIndex: isPrint || isPastListing(view, site.day.listCutoff, site.day.today),
    variant: isPrint ? 'print' : 'full',
    openGraph: {
      type: 'article',
      image: view.cover ? baseUrl + mediaPath(view.cover) : undefined,
      publishedTime: view.firstPublishedAt ?? undefined,
      modifiedTime: view.publishedAt ?? undefined,
    },
    body: (
      <ItemPage
        view={view}
        canonicalUrl={baseUrl + canonicalPath}
        baseUrl={baseUrl}
        isPrint={isPrint}
      />
    ),
  });
}

/** Sends a work schedule's address on to the week that shows it. */
export async function redirectScheduleItem(c: Context<AppEnv>) {
  const slug = SlugSchema.safeParse(c.req.param('slug'));
  if (!slug.success) {
    return renderNotFound(c);
  }
  const { tenant, db } = c.var;
  const item = await withTenant(db, tenant.id, (tx) =>
    findPublished(tx, tenant.id, 'work_schedule', slug.data),
  );
  if (!item) {
    return renderNotFound(c);
  }

  return c.redirect(itemPath(item), 302);
}

function PreviewBanner() {
  return (
    <div class="preview-banner" role="note">
      <div class="wrap">
        <strong>Bản xem trước — chưa đăng.</strong> Trang này hiển thị bản nháp, chỉ người có đường
        dẫn mới xem được và đường dẫn sẽ hết hạn.
      </div>
    </div>
  );
}

/**
 * Renders the draft revision a preview link names, on the portal that stored the link only.
 * The response tells caches not to store it and search engines not to index it, and its
 * links send no referrer, so the token stays out of other sites' logs.
 */
export async function renderPreview(c: Context<AppEnv>) {
  c.header('X-Robots-Tag', 'noindex, nofollow');
  c.header('Referrer-Policy', 'no-referrer');
  const token = c.req.param('token') ?? '';
  const { tenant } = c.var;
  const result = await withSite(c, async (tx, site) => {
    const link = await resolvePreviewLink(tx, tenant.id, token);
    if (!link) {
      return null;
    }
    const { item, revision } = link;
    const view = await loadItemView(
      tx,
      tenant.id,
      {
        id: item.id,
        type: item.type,
        categoryId: item.categoryId,
        titleVi: revision.titleVi,
        titleEn: revision.titleEn,
        leadVi: revision.leadVi,
        leadEn: revision.leadEn,
        bodyVi: revision.bodyVi,
        bodyEn: revision.bodyEn,
        fields: revision.fields,
        firstPublishedAt: null,
        publishedAt: null,
      },
      site,
    );
    return { view, site };
  });
  if (!result) {
    return renderNotFound(c);
  }

  const baseUrl = baseUrlOf(c);
  return renderPage(c, {
    site: result.site,
    title: `Xem trước: ${result.view.titleVi}`,
    canonicalPath: null,
    isNoIndex: true,
    caching: 'private',
    banner: <PreviewBanner />,
    body: (
      <ItemPage view={result.view} canonicalUrl={undefined} baseUrl={baseUrl} isPrint={false} />
    ),
  });
}
