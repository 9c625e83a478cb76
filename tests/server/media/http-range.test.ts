import { describe, expect, it } from 'vitest';

import { matchesEtag, parseRange } from '../../../server/media/http-range.ts';

describe('parseRange', () => {
  const size = 1000;

  it('reads the forms of one byte range', () => {
    expect(parseRange('bytes=0-99', size)).toEqual({
      kind: 'partial',
      range: { start: 0, end: 99 },
    });
    expect(parseRange('bytes=900-', size)).toEqual({
      kind: 'partial',
      range: { start: 900, end: 999 },
    });
    expect(parseRange('bytes=-100', size)).toEqual({
      kind: 'partial',
      range: { start: 900, end: 999 },
    });
    expect(parseRange('bytes=990-5000', size)).toEqual({
      kind: 'partial',
      range: { start: 990, end: 999 },
    });
    expect(parseRange('bytes=-5000', size)).toEqual({
      kind: 'partial',
      range: { start: 0, end: 999 },
    });
  });

  it('ignores unsupported range headers', () => {
    for (const header of [undefined, '', 'bytes=0-1,5-6', 'items=0-1', 'bytes=-', 'bytes=9-3']) {
      expect(parseRange(header, size), String(header)).toEqual({ kind: 'whole' });
    }
  });

  it('rejects ranges outside the object', () => {
    expect(parseRange('bytes=1000-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('matchesEtag', () => {
  it('compares weakly and accepts lists and the wildcard', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", "abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});
