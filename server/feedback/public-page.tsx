import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppEnv } from '../app-env.ts';
import { listCategories } from '../content/categories.ts';
import { withTenant } from '../db/tenant-scope.ts';
import { effectiveValue } from '../policies/index.ts';
import { CategoryTree } from '../site/category-tree.ts';
import { Layout } from '../site/layout.tsx';
import { portalBaseUrl } from '../site/urls.ts';
import { feedbackAssets } from './public-assets.ts';

export type FeedbackPageOptions = {
  title: string;
  description?: string;
  body: Child;
  status?: ContentfulStatusCode;
  /** Pages that carry a visitor's input or a tracking code are never cached or indexed. */
  isPrivate?: boolean;
  /**
   * Keeps a public page out of shared caches, for forms whose anti-spam token is single-use:
   * a cached copy would hand one token to many visitors.
   */
  isUncached?: boolean;
  /** Adds the script that solves the anti-spam challenge. */
  hasForm?: boolean;
};

/** Renders a feedback page in the portal's layout, with the feedback styles. */
export async function renderFeedbackPage(c: Context<AppEnv>, options: FeedbackPageOptions) {
  const { tenant, origin, db } = c.var;
  const { categories, requiredOperatorFields } = await withTenant(db, tenant.id, async (tx) => ({
    categories: await listCategories(tx, tenant.id),
    requiredOperatorFields: await effectiveValue(tx, tenant.id, 'site.required_operator_fields'),
  }));
  const baseUrl = portalBaseUrl(origin, tenant.canonicalHost);
  const isUncached = options.isPrivate || options.isUncached;
  c.header('Cache-Control', isUncached ? 'no-store' : 'public, max-age=60');

  return c.html(
    <Layout
      tenant={tenant}
      title={options.title}
      description={options.description}
      canonicalUrl={options.isPrivate ? undefined : baseUrl + c.req.path}
      baseUrl={baseUrl}
      currentPath={c.req.path}
      menu={new CategoryTree(categories).topLevel()}
      isNoIndex={options.isPrivate}
      requiredOperatorFields={requiredOperatorFields}
    >
      <link rel="stylesheet" href={feedbackAssets.styles.path} />
      {options.body}
      {options.hasForm ? <script src={feedbackAssets.script.path} defer></script> : null}
    </Layout>,
    options.status ?? 200,
  );
}
