import { describe, expect, it } from 'vitest';

import { catalogues, findDuplicateKeys } from '../../../web/src/i18n/catalogues.ts';

describe('message catalogues', () => {
  it('define every key once across the features', () => {
    expect(findDuplicateKeys()).toEqual([]);
  });

  it('give both languages the same keys', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.vi).sort());
  });

  it('leave no message empty', () => {
    const empty = (['vi', 'en'] as const).flatMap((locale) =>
      Object.entries(catalogues[locale])
        .filter(([, text]) => text.trim() === '')
        .map(([key]) => `${locale}:${key}`),
    );

    expect(empty).toEqual([]);
  });
});
