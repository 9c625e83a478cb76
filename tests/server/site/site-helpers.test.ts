import { describe, expect, it } from 'vitest';

import {
  addDays,
  formatIsoDate,
  isMonday,
  mondayOf,
  subtractYears,
  todayInVietnam,
} from '../../../server/site/dates.ts';
import {
  commentPhaseOf,
  expiredSinceOf,
  legalStateOf,
  readItemFacts,
} from '../../../server/site/item-facts.ts';
import { formatFileSize } from '../../../server/site/item-page.tsx';
import { accessibleColor, contrastWithWhite, themeStylesheet } from '../../../server/site/theme.ts';
import { itemPath } from '../../../server/site/urls.ts';

describe('site dates', () => {
  it('takes today in Vietnam time', () => {
    expect(todayInVietnam(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01');
    expect(todayInVietnam(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('recognises real Mondays only', () => {
    expect(isMonday('2026-03-02')).toBe(true);
    expect(isMonday('2026-03-03')).toBe(false);
    expect(isMonday('2026-02-30')).toBe(false);
    expect(isMonday('tuan')).toBe(false);
  });

  it('does calendar arithmetic without time zones', () => {
    expect(addDays('2026-03-02', -7)).toBe('2026-02-23');
    expect(subtractYears('2028-02-29', 1)).toBe('2027-02-28');
    expect(formatIsoDate('2026-03-02')).toBe('02/03/2026');
  });
});

describe('item facts', () => {
  it('derives the state of a legal document', () => {
    const base = { effectiveOn: '2026-02-01', legalStatus: 'in_force' };

    expect(legalStateOf(base, '2026-01-31')).toBe('not_yet_in_force');
    expect(legalStateOf(base, '2026-02-01')).toBe('in_force');
    expect(legalStateOf({ ...base, expiresOn: '2026-06-01' }, '2026-06-01')).toBe('expired');
    expect(legalStateOf({ ...base, legalStatus: 'expired' }, '2026-03-01')).toBe('expired');
  });

  it('dates the expiry of a legal document', () => {
    expect(
      expiredSinceOf({ expiresOn: '2025-01-01', legalStatus: 'in_force' }, null, '2026-01-01'),
    ).toBe('2025-01-01');
    expect(
      expiredSinceOf({ expiresOn: '2027-01-01', legalStatus: 'in_force' }, null, '2026-01-01'),
    ).toBeNull();
    expect(expiredSinceOf({ legalStatus: 'expired' }, '2025-05-05', '2026-01-01')).toBe(
      '2025-05-05',
    );
  });

  it('opens a consultation through its closing day', () => {
    const window = { opensOn: '2026-03-01', closesOn: '2026-03-31' };

    expect(commentPhaseOf(window, '2026-02-28')).toBe('upcoming');
    expect(commentPhaseOf(window, '2026-03-01')).toBe('open');
    expect(commentPhaseOf(window, '2026-03-31')).toBe('open');
    expect(commentPhaseOf(window, '2026-04-01')).toBe('closed');
  });

  it('shows no facts for fields that no longer fit', () => {
    const now = { today: '2026-03-01', instant: new Date('2026-03-01T00:00:00Z') };

    expect(readItemFacts('legal_document', { documentType: 'Thông tư' }, now)).toBeNull();
    expect(readItemFacts('page', {}, now)).toBeNull();
  });

  it('closes a procurement notice at its closing time', () => {
    const fields = {
      noticeType: 'Mời thầu',
      investor: 'Trung tâm',
      closingAt: '2026-03-01T09:00:00+07:00',
    };
    const before = readItemFacts('procurement_notice', fields, {
      today: '2026-03-01',
      instant: new Date('2026-03-01T01:59:00Z'),
    });
    const after = readItemFacts('procurement_notice', fields, {
      today: '2026-03-01',
      instant: new Date('2026-03-01T02:00:00Z'),
    });

    expect(before).toMatchObject({ type: 'procurement_notice', isClosed: false });
    expect(after).toMatchObject({ type: 'procurement_notice', isClosed: true });
  });
});

describe('theme colours', () => {
  it('keeps a colour that already has enough contrast', () => {
    expect(accessibleColor('1d4f91')).toBe('1d4f91');
  });

  it('darkens a light colour to 4.5:1 against white', () => {
    const darkened = accessibleColor('7fb3ff');
    const rgb = [0, 2, 4].map((start) => Number.parseInt(darkened.slice(start, start + 2), 16));

    expect(contrastWithWhite(rgb as [number, number, number])).toBeGreaterThanOrEqual(4.5);
    expect(darkened).not.toBe('7fb3ff');
  });

  it('rejects anything but six hex digits', () => {
    expect(themeStylesheet('1d4f91')).toBe(':root{--brand:#1d4f91}\n');
    expect(themeStylesheet('red;}body{')).toBeNull();
  });
});

describe('site formatting', () => {
  it('formats file sizes the Vietnamese way', () => {
    expect(formatFileSize(512)).toBe('512 byte');
    expect(formatFileSize(20_480)).toBe('20 KB');
    expect(formatFileSize(1_572_864)).toBe('1,5 MB');
  });

  it('sends a work schedule to its week', () => {
    expect(
      itemPath({ type: 'work_schedule', slug: 'x', fields: { weekStart: '2026-03-02' } }),
    ).toBe('/lich-cong-tac?tuan=2026-03-02');
    expect(itemPath({ type: 'legal_document', slug: 'thong-tu-01' })).toBe('/van-ban/thong-tu-01');
  });
});
