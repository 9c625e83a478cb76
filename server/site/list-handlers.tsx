import type { Context } from 'hono';
import { z } from 'zod';

import type { AppEnv } from '../app-env.ts';
import { listPublished } from '../content/public-queries.ts';
import type { ContentType } from '../db/schema/index.ts';
import { mondayOf } from './dates.ts';
import { SlugSchema } from './item-handlers.tsx';
import { LegalDocumentsPage } from './legal-documents-page.tsx';
import {
  legalDocumentsPerPage,
  listLegalDocuments,
  loadLegalDocumentFacets,
  parseLegalDocumentQuery,
} from './legal-documents.ts';
import { CategoryPage, HomePage, pageHref, TypeListPage } from './pages.tsx';
import { renderNotFound, renderPage, withSite } from './render.tsx';
import { InvalidWeekPage, SchedulePage, weekTitle } from './schedule-page.tsx';
import { SearchPage } from './search-page.tsx';
import {
  isSearchReady,
  searchPublished,
  searchResultsPerPage,
  SearchQuerySchema,
} from './search.ts';
import { sitePaths } from './urls.ts';
import { loadWeekSchedules, WeekQuerySchema } from './work-schedule.ts';

const itemsPerPage = 12;
const PageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/** Returns the page number of `?trang=`, or 1 for anything that is not a page number. */
function pageOf(c: Context<AppEnv>): number {
  return PageNumberSchema.parse(c.req.query('trang'));
}

/** Splits one extra row fetched beyond the page into "there is a next page". */
function paged<T>(rows: T[], perPage: number) {
  return { items: rows.slice(0, perPage), hasNext: rows.length > perPage };
}

export async function renderHome(c: Context<AppEnv>) {
  const { tenant } = c.var;
  const data = await withSite(c, async (tx, site) => {
    const latest = (types: ContentType[], limit: number) =>
      listPublished(tx, tenant.id, { ...site.day, types, limit });
    return {
      site,
      articles: await latest(['article'], 6),
      announcements: await latest(['announcement'], 5),
      legalDocuments: await latest(['legal_document'], 5),
    };
  });

  return renderPage(c, {
    site: data.site,
    title: tenant.nameVi,
    description: tenant.descriptionVi,
    body: (
      <HomePage
        tenant={tenant}
        articles={data.articles}
        announcements={data.announcements}
        legalDocuments={data.legalDocuments}
      />
    ),
  });
}

/** Renders the list page of one content type, 12 items a page, newest first. */
export function typeListHandler(type: ContentType, title: string, path: string) {
  return async function renderTypeList(c: Context<AppEnv>) {
    const { tenant } = c.var;
    const page = pageOf(c);
    const { rows, site } = await withSite(c, async (tx, site) => ({
      site,
      rows: await listPublished(tx, tenant.id, {
        ...site.day,
        types: [type],
        limit: itemsPerPage + 1,
        offset: (page - 1) * itemsPerPage,
      }),
    }));
    const { items, hasNext } = paged(rows, itemsPerPage);

    return renderPage(c, {
      site,
      title,
      canonicalPath: pageHref(path, page),
      body: <TypeListPage title={title} path={path} items={items} page={page} hasNext={hasNext} />,
    });
  };
}

/** Renders a category with the published items of it and of every category below it. */
export async function renderCategory(c: Context<AppEnv>) {
  const slug = SlugSchema.safeParse(c.req.param('slug'));
  if (!slug.success) {
    return renderNotFound(c);
  }
  const { tenant } = c.var;
  const page = pageOf(c);
  const data = await withSite(c, async (tx, site) => {
    const category = site.tree.findBySlug(slug.data);
    if (!category) {
      return null;
    }
    const rows = await listPublished(tx, tenant.id, {
      ...site.day,
      categoryIds: site.tree.subtreeIds(category.id),
      limit: itemsPerPage + 1,
      offset: (page - 1) * itemsPerPage,
    });
    return { site, category, rows };
  });
  if (!data) {
    return renderNotFound(c);
  }
  const { items, hasNext } = paged(data.rows, itemsPerPage);

  return renderPage(c, {
    site: data.site,
    title: data.category.nameVi,
    canonicalPath: pageHref(sitePaths.category(data.category.slug), page),
    body: (
      <CategoryPage
        path={data.site.tree.pathTo(data.category.id)}
        subcategories={data.site.tree.childrenOf(data.category.id)}
        items={items}
        page={page}
        hasNext={hasNext}
      />
    ),
  });
}

/**
 * Renders the legal-document search. An invalid filter value gets 400 with the form, a message
 * naming the value and no results, so a wrong link never shows an unfiltered list as if it
 * were filtered.
 */
export async function renderLegalDocuments(c: Context<AppEnv>) {
  const { tenant } = c.var;
  const { query, problems } = parseLegalDocumentQuery(c.req.query());
  const page = query.trang ?? 1;
  const data = await withSite(c, async (tx, site) => {
    const facets = await loadLegalDocumentFacets(tx, tenant.id, site.day);
    const rows =
      problems.length > 0
        ? []
        : await listLegalDocuments(tx, tenant.id, query, {
            ...site.day,
            limit: legalDocumentsPerPage + 1,
            offset: (page - 1) * legalDocumentsPerPage,
          });
    return { site, facets, rows };
  });
  const { items, hasNext } = paged(data.rows, legalDocumentsPerPage);
  const search = new URLSearchParams(
    Object.entries(query).flatMap(([name, value]) =>
      value === undefined || name === 'trang' ? [] : [[name, String(value)]],
    ),
  );

  return renderPage(c, {
    site: data.site,
    title: 'Tra cứu văn bản',
    status: problems.length > 0 ? 400 : 200,
    canonicalPath: sitePaths.legalDocuments,
    body: (
      <LegalDocumentsPage
        facets={data.facets}
        query={query}
        search={search}
        problems={problems}
        documents={items}
        page={page}
        hasNext={hasNext}
        today={data.site.day.today}
      />
    ),
  });
}

/** Renders the work schedules of one week; without `?tuan=` the current week in Vietnam. */
export async function renderSchedule(c: Context<AppEnv>) {
  const { tenant } = c.var;
  const rawWeek = c.req.query('tuan');
  const week = WeekQuerySchema.safeParse(rawWeek);
  const data = await withSite(c, async (tx, site) => {
    const currentWeek = mondayOf(site.day.today);
    if (!week.success) {
      return { site, currentWeek, weekStart: null, schedules: [] };
    }
    const weekStart = week.data ?? currentWeek;
    const schedules = await loadWeekSchedules(tx, tenant.id, weekStart);
    return { site, currentWeek, weekStart, schedules };
  });

  if (data.weekStart === null) {
    return renderPage(c, {
      site: data.site,
      title: 'Tuần không hợp lệ',
      status: 400,
      canonicalPath: sitePaths.schedule,
      body: <InvalidWeekPage value={rawWeek ?? ''} currentWeek={data.currentWeek} />,
    });
  }

  return renderPage(c, {
    site: data.site,
    title: weekTitle(data.weekStart),
    canonicalPath: week.data ? sitePaths.scheduleWeek(data.weekStart) : sitePaths.schedule,
    body: (
      <SchedulePage
        weekStart={data.weekStart}
        currentWeek={data.currentWeek}
        schedules={data.schedules}
      />
    ),
  });
}

/**
 * Renders the search page. Results are not stored by the page cache: every query string would
 * be an entry of its own.
 */
export async function renderSearch(c: Context<AppEnv>) {
  const { tenant, db } = c.var;
  const parsed = SearchQuerySchema.safeParse(c.req.query());
  const text = parsed.success ? parsed.data.q : (c.req.query('q') ?? '').slice(0, 200);
  const page = parsed.success ? parsed.data.trang : 1;
  const data = await withSite(c, async (tx, site) => {
    if (!parsed.success || text === '') {
      return { site, state: 'form' as const, rows: [] };
    }
    if (!(await isSearchReady(db, tx))) {
      return { site, state: 'unavailable' as const, rows: [] };
    }
    const rows = await searchPublished(tx, tenant.id, text, {
      ...site.day,
      limit: searchResultsPerPage + 1,
      offset: (page - 1) * searchResultsPerPage,
    });
    return { site, state: 'results' as const, rows };
  });

  if (data.state === 'unavailable') {
    c.var.log.warn('search functions missing from the database: f_unaccent, vi_unaccent');
  }
  const { items, hasNext } = paged(data.rows, searchResultsPerPage);
  let status: 200 | 400 | 503 = 200;
  let problem: string | undefined;
  if (!parsed.success) {
    status = 400;
    problem = parsed.error.issues[0]?.message ?? 'Từ khóa tìm kiếm không hợp lệ.';
  } else if (data.state === 'unavailable') {
    status = 503;
    problem = 'Chức năng tìm kiếm tạm thời chưa sẵn sàng. Vui lòng thử lại sau.';
  }

  return renderPage(c, {
    site: data.site,
    title: text ? `Tìm kiếm: ${text}` : 'Tìm kiếm',
    status,
    canonicalPath: sitePaths.search,
    isNoIndex: true,
    caching: 'private',
    body: (
      <SearchPage
        text={text}
        results={data.state === 'results' ? items : null}
        page={page}
        hasNext={hasNext}
        problem={problem}
      />
    ),
  });
}
