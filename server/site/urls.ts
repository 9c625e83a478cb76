import type { AppEnv } from '../app-env.ts';

type Origin = AppEnv['Variables']['origin'];

/** The base URL of a portal, with the scheme and port the visitor is using. */
export function portalBaseUrl(origin: Origin, canonicalHost: string): string {
  const port = origin.port ? `:${origin.port}` : '';

  return `${origin.protocol}://${canonicalHost}${port}`;
}

export const sitePaths = {
  home: '/',
  articles: '/tin-tuc',
  article: (slug: string) => `/tin-tuc/${slug}`,
  page: (slug: string) => `/trang/${slug}`,
  directory: '/cong-thanh-vien',
};
