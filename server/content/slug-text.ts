import slugifyText from '@sindresorhus/slugify';

// No server imports here: the admin builds its slug suggestions with the same function.

/** The maximum slug length. Longer slugs are cut at a word boundary. */
export const maxSlugLength = 96;

export function checkMaxLength(maxLength: number): void {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`Invalid slug maximum length ${maxLength}: expected a whole number >= 1.`);
  }
}

/**
 * Cuts a slug to `maxLength` at the last hyphen that fits. A first word longer than the limit
 * has no such hyphen and is cut inside the word.
 */
export function truncateSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) {
    return slug;
  }
  const boundary = slug.lastIndexOf('-', maxLength);
  if (boundary > 0) {
    return slug.slice(0, boundary);
  }

  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/**
 * Makes the slug text of a title, cut to `maxLength`, or an empty string when the title has no
 * letter or digit. `slugify` in `slug.ts` is the checked form that the server uses.
 */
export function slugText(title: string, maxLength = maxSlugLength): string {
  checkMaxLength(maxLength);
  const slug = slugifyText(title.normalize('NFC'), {
    // Titles are prose, so `VnExpress` stays one word instead of becoming `vn-express`.
    decamelize: false,
    customReplacements: [['&', ' va ']],
  });

  return truncateSlug(slug, maxLength);
}
