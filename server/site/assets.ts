import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('./site.css', import.meta.url), 'utf8');
const cssHash = createHash('sha256').update(css).digest('hex').slice(0, 12);

/** The public stylesheet, served at a path that changes whenever its content does. */
export const siteStylesheet = {
  path: `/assets/site-${cssHash}.css`,
  body: css,
};
