import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The public paths of the online public services, the same on every portal. */
export const servicePaths = {
  catalogue: '/dich-vu-cong',
  service: (unitSlug: string, code: string) =>
    `/dich-vu-cong/${unitSlug}/${encodeURIComponent(code)}`,
  lookup: '/tra-cuu-ho-so',
  statistics: '/thong-ke-ho-so',
};

const css = readFileSync(new URL('./services.css', import.meta.url), 'utf8');
const cssHash = createHash('sha256').update(css).digest('hex').slice(0, 12);

/** The stylesheet of these pages, at a path that changes whenever its content does. */
export const servicesStylesheet = {
  path: `/assets/services-${cssHash}.css`,
  body: css,
};
