import { AppError } from '../errors.ts';
import { checkMaxLength, maxSlugLength, slugText, truncateSlug } from './slug-text.ts';

export { maxSlugLength };

export type SlugifyOptions = {
  /** The maximum length in characters, 96 by default. */
  maxLength?: number;
};

export type UniqueSlugOptions = SlugifyOptions & {
  /** The number of slugs to try, `base` included, before giving up (100 by default). */
  maxAttempts?: number;
};

/** The title has no letter or digit, so no slug can be made from it. */
export class EmptySlugError extends AppError {
  override name = 'EmptySlugError';

  constructor(title: string) {
    super('invalid_input', 'The title has no letters or digits to make a web address from.', {
      logMessage: `cannot make a slug from ${JSON.stringify(title)}`,
    });
  }
}

/** Every candidate slug for a base was taken. */
export class SlugTakenError extends AppError {
  override name = 'SlugTakenError';

  constructor(base: string) {
    super('conflict', 'This web address is already in use; choose another.', {
      logMessage: `slug ${base} and every numbered variant tried are taken`,
    });
  }
}

/**
 * Makes a URL slug from a Vietnamese title: ASCII words in lower case joined by single hyphens,
 * diacritics removed, `đ` written as `d`, punctuation dropped and `&` read as "và". NFC and NFD
 * input give the same slug. Throws `EmptySlugError` when the title has no letter or digit, so
 * that the editor is asked for a slug rather than given a meaningless one.
 */
export function slugify(title: string, options: SlugifyOptions = {}): string {
  const slug = slugText(title, options.maxLength ?? maxSlugLength);
  if (slug === '') {
    throw new EmptySlugError(title);
  }

  return slug;
}

/**
 * Returns `base` when `isTaken` reports it free, otherwise the first free one of `base-2`,
 * `base-3`, …, each cut so that it stays within the maximum length. Two concurrent callers can
 * both see a slug as free, so the table's unique index still decides, and a caller that loses
 * the race retries.
 */
export async function uniqueSlug(
  base: string,
  isTaken: (slug: string) => Promise<boolean>,
  options: UniqueSlugOptions = {},
): Promise<string> {
  const maxLength = options.maxLength ?? maxSlugLength;
  const maxAttempts = options.maxAttempts ?? 100;
  checkMaxLength(maxLength);

  const first = truncateSlug(base, maxLength);
  if (!(await isTaken(first))) {
    return first;
  }
  for (let number = 2; number <= maxAttempts; number++) {
    const suffix = `-${number}`;
    const room = maxLength - suffix.length;
    if (room < 1) {
      break;
    }
    const candidate = `${truncateSlug(base, room)}${suffix}`;
    if (!(await isTaken(candidate))) {
      return candidate;
    }
  }

  throw new SlugTakenError(base);
}
