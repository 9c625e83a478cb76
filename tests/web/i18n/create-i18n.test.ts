import { describe, expect, it } from 'vitest';

import { createI18n } from '../../../web/src/i18n/create-i18n.ts';

describe('createI18n', () => {
  it("shows times in Vietnam's time zone", () => {
    const i18n = createI18n(undefined);

    // 01:00 UTC is 08:00 in Hanoi, whatever zone the test runs in.
    expect(i18n.formatDateTime('2027-01-15T01:00:00.000Z')).toContain('08:00');
    expect(i18n.formatDateTime('2027-01-15T01:00:00.000Z')).toContain('15/01/2027');
  });

  it('says never for a missing time', () => {
    const i18n = createI18n(undefined);

    expect(i18n.formatDateTime(null)).toBe('Chưa lần nào');
  });
});
