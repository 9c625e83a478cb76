import type { AppEnv } from '../app-env.ts';
import type { ContentType } from '../db/schema/index.ts';

type Origin = AppEnv['Variables']['origin'];

/** The base URL of a portal, with the scheme and port the visitor is using. */
export function portalBaseUrl(origin: Origin, canonicalHost: string): string {
  const port = origin.port ? `:${origin.port}` : '';

  return `${origin.protocol}://${canonicalHost}${port}`;
}

/** The list page and the item path prefix of each type that has pages of its own. */
export const typeSections = {
  article: { path: '/tin-tuc', label: 'Tin tức' },
  page: { path: '/trang', label: 'Trang thông tin' },
  announcement: { path: '/thong-bao', label: 'Thông báo' },
  legal_document: { path: '/van-ban', label: 'Văn bản' },
  draft_for_comment: { path: '/du-thao', label: 'Dự thảo lấy ý kiến' },
  work_schedule: { path: '/lich-cong-tac', label: 'Lịch công tác' },
  procurement_notice: { path: '/dau-thau', label: 'Thông tin đấu thầu' },
  statistics_report: { path: '/thong-ke', label: 'Thông tin thống kê' },
} as const satisfies Record<ContentType, { path: string; label: string }>;

export const sitePaths = {
  home: '/',
  articles: typeSections.article.path,
  article: (slug: string) => `${typeSections.article.path}/${slug}`,
  page: (slug: string) => `${typeSections.page.path}/${slug}`,
  legalDocuments: typeSections.legal_document.path,
  schedule: typeSections.work_schedule.path,
  scheduleWeek: (weekStart: string) => `${typeSections.work_schedule.path}?tuan=${weekStart}`,
  category: (slug: string) => `/chuyen-muc/${slug}`,
  preview: '/xem-truoc',
  search: '/tim-kiem',
  rss: '/rss.xml',
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  directory: '/cong-thanh-vien',
};

/** The query parameter that selects the printable layout of an item page. */
export const printParameter = 'ban-in';

/**
 * Returns the public path of an item. A work schedule has no page of its own: it is shown in
 * the week it belongs to.
 */
export function itemPath(item: {
  type: ContentType;
  slug: string;
  fields?: Record<string, unknown>;
  weekStart?: string | null;
}): string {
  if (item.type === 'work_schedule') {
    const weekStart = item.weekStart ?? item.fields?.weekStart;
    return typeof weekStart === 'string' ? sitePaths.scheduleWeek(weekStart) : sitePaths.schedule;
  }

  return `${typeSections[item.type].path}/${item.slug}`;
}
