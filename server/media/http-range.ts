import type { ByteRange } from './store.ts';

/** The outcome of a `Range` header against an object of known size. */
export type RangeRequest =
  { kind: 'whole' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' };

const singleRangePattern = /^bytes=(\d*)-(\d*)$/;

/**
 * Parses a `Range` header (RFC 9110, section 14.2) for one byte range. A missing, malformed or
 * multi-range header yields the whole object, which the RFC allows a server to send instead.
 * A range that starts past the end, or an empty suffix, is unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  const match = header ? singleRangePattern.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) {
    return { kind: 'whole' };
  }
  const [, first = '', last = ''] = match;

  if (first === '') {
    // A suffix range: the last N bytes.
    const suffixLength = Number(last);
    if (suffixLength === 0 || size === 0) {
      return { kind: 'unsatisfiable' };
    }
    return { kind: 'partial', range: { start: Math.max(0, size - suffixLength), end: size - 1 } };
  }

  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) {
    return { kind: 'whole' };
  }
  if (start >= size) {
    return { kind: 'unsatisfiable' };
  }

  return { kind: 'partial', range: { start, end } };
}

/** Checks an `If-None-Match` header against `etag` with the weak comparison of RFC 9110. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) {
    return false;
  }
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
