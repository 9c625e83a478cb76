/** The maximum length, in code points, of a stored name before its extension. */
const maxStemLength = 120;
const fallbackStem = 'tep-tin';

/**
 * Control and format characters (bidirectional overrides such as U+202E included, since they
 * can disguise `gpj.exe` as `exe.jpg`), and characters Windows forbids in file names.
 */
const unsafeCharacters = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"|?*]/gu;

/**
 * Cleans a client-supplied file name for display and download. It keeps only the last path
 * segment, removes control and format characters and NFC-normalises, so Vietnamese letters
 * typed as combining marks match their precomposed form. It then caps the length and puts
 * `extension`, which comes from the detected type, in place of the client's one.
 */
export function sanitizeFileName(name: string, extension: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(unsafeCharacters, '')
    .replace(/\s+/g, ' ')
    .trim();
  const dot = cleaned.lastIndexOf('.');
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).replace(/^[.\s]+|[.\s]+$/g, '');
  const capped = Array.from(stem).slice(0, maxStemLength).join('').trim();

  return `${capped || fallbackStem}.${extension}`;
}

/** Returns `name` in ASCII: diacritics removed, `đ` as `d`, anything else outside `[\w.-]` as `_`. */
function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]/g, '_');
}

/** Percent-encodes as RFC 5987 `ext-value` requires: UTF-8, with `'()*` escaped as well. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Builds a `Content-Disposition` value with an ASCII `filename` for old clients and the exact
 * name in `filename*` (RFC 6266 with RFC 5987 encoding).
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}
