import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';

import type { AppEnv } from '../app-env.ts';
import { AppError } from '../errors.ts';
import { pageHref } from '../site/pages.tsx';
import { renderNotFound, renderPage, withSite } from '../site/render.tsx';
import type { TenantDirectory } from '../tenancy/tenant-directory.ts';
import { catalogueParameters, CataloguePage, provisionParameterValues } from './catalogue-page.tsx';
import { createLookupHandlers } from './lookup-routes.tsx';
import { servicePaths, servicesStylesheet } from './paths.ts';
import {
  catalogueFacets,
  filterCatalogue,
  findPublishedService,
  listPublishedServices,
  type CatalogueFilters,
} from './public-catalogue.ts';
import { withStylesheet } from './public-shared.tsx';
import type { RateLimitRule } from './rate-limit.ts';
import { serviceCodePattern } from './service-schemas.ts';
import { ServicePage } from './service-page.tsx';
import { createStatisticsHandler } from './statistics-routes.tsx';

export type ServicePagesOptions = {
  directory: TenantDirectory;
  /** Lookups one client address may make; 10 in 10 minutes by default. */
  lookupRateLimit?: RateLimitRule;
};

const servicesPerPage = 20;
const defaultLookupRateLimit: RateLimitRule = { limit: 10, windowMs: 10 * 60_000 };

const provisionOfParameter = {
  [provisionParameterValues.full]: 'full',
  [provisionParameterValues.partial]: 'partial',
} as const;

const slugSchema = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/);
const CatalogueQuerySchema = z.object({
  [catalogueParameters.query]: z.string().trim().max(200).optional().catch(undefined),
  [catalogueParameters.unit]: slugSchema.optional().catch(undefined),
  [catalogueParameters.field]: z.string().trim().max(200).optional().catch(undefined),
  [catalogueParameters.provision]: z
    .enum([provisionParameterValues.full, provisionParameterValues.partial])
    .optional()
    .catch(undefined),
  trang: z.coerce.number().int().min(1).max(10_000).catch(1),
});

async function renderCatalogue(c: Context<AppEnv>) {
  const { tenant } = c.var;
  const isMain = tenant.kind === 'main';
  const query = CatalogueQuerySchema.parse(c.req.query());
  const provisionValue = query[catalogueParameters.provision];
  const filters: CatalogueFilters = {
    query: query[catalogueParameters.query] || undefined,
    unitSlug: isMain ? query[catalogueParameters.unit] : undefined,
    field: query[catalogueParameters.field] || undefined,
    provision: provisionValue ? provisionOfParameter[provisionValue] : undefined,
  };
  const { site, entries } = await withSite(c, async (tx, site) => ({
    site,
    entries: await listPublishedServices(tx, isMain ? {} : { tenantId: tenant.id }),
  }));
  const matching = filterCatalogue(entries, filters);
  const start = (query.trang - 1) * servicesPerPage;

  return renderPage(c, {
    site,
    title: 'Dịch vụ công trực tuyến',
    description: `Danh mục dịch vụ công trực tuyến của ${tenant.nameVi}.`,
    // Filtered views share the catalogue's address; each page of the full list has its own.
    canonicalPath: pageHref(servicePaths.catalogue, query.trang),
    body: withStylesheet(
      <CataloguePage
        isMain={isMain}
        services={matching.slice(start, start + servicesPerPage)}
        total={matching.length}
        page={query.trang}
        hasNext={matching.length > start + servicesPerPage}
        filters={filters}
        facets={catalogueFacets(entries)}
      />,
    ),
  });
}

async function renderService(c: Context<AppEnv>) {
  const { tenant } = c.var;
  const unitSlug = c.req.param('unitSlug') ?? '';
  const code = c.req.param('code') ?? '';
  const isOwnOrMain = tenant.kind === 'main' || unitSlug === tenant.slug;
  if (!isOwnOrMain || !slugSchema.safeParse(unitSlug).success || !serviceCodePattern.test(code)) {
    return renderNotFound(c);
  }
  const { site, service } = await withSite(c, async (tx, site) => ({
    site,
    service: await findPublishedService(tx, unitSlug, code),
  }));
  if (!service) {
    return renderNotFound(c);
  }

  return renderPage(c, {
    site,
    title: service.nameVi,
    description: `${service.procedureName} – ${service.unit.nameVi}`,
    body: withStylesheet(<ServicePage service={service} isMain={tenant.kind === 'main'} />),
  });
}

/**
 * Creates the public pages of the online public services on every portal: the catalogue,
 * each service's page, the dossier lookup and the statistics. On the main portal these cover
 * every active unit, and on a member portal its own unit only.
 */
export function createServicePages(options: ServicePagesOptions) {
  const pages = new Hono<AppEnv>();
  const { directory } = options;
  const lookupRateLimit = options.lookupRateLimit ?? defaultLookupRateLimit;

  pages.get(servicesStylesheet.path, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(servicesStylesheet.body);
  });
  pages.get(servicePaths.catalogue, renderCatalogue);
  pages.get(`${servicePaths.catalogue}/:unitSlug/:code`, renderService);

  const lookup = createLookupHandlers({ directory, rateLimit: lookupRateLimit });
  pages.get(servicePaths.lookup, lookup.showForm);
  pages.post(
    servicePaths.lookup,
    bodyLimit({
      maxSize: 8 * 1024,
      onError: () => {
        throw new AppError('payload_too_large', 'The lookup form is larger than 8 KiB');
      },
    }),
    lookup.submit,
  );
  pages.get(servicePaths.statistics, createStatisticsHandler({ directory }));

  return pages;
}
