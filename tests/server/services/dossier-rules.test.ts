import { describe, expect, it } from 'vitest';

import { gridValues } from '../../../server/services/bar-chart.tsx';
import {
  becomesCurrent,
  matchesReportedStatus,
  resolveReportedStatus,
} from '../../../server/services/dossier-status.ts';
import { lookupDigitsOf } from '../../../server/services/lookup-secret.ts';
import { provisionFromLegacyLevel } from '../../../server/services/service-schemas.ts';
import { foldVietnamese, matchesAllWords } from '../../../server/services/vietnamese-text.ts';

describe('dossier status rules', () => {
  const dueAt = new Date('2025-03-04T10:00:00Z');

  it('resolves done from the due time', () => {
    expect(resolveReportedStatus('done', dueAt, dueAt)).toBe('done_on_time');
    expect(resolveReportedStatus('done', new Date(dueAt.getTime() + 1), dueAt)).toBe('done_late');
    expect(resolveReportedStatus('rejected', new Date(dueAt.getTime() + 1), dueAt)).toBe(
      'rejected',
    );
  });

  it('matches a reported done with either outcome', () => {
    expect(matchesReportedStatus('done_late', 'done')).toBe(true);
    expect(matchesReportedStatus('done_on_time', 'done')).toBe(true);
    expect(matchesReportedStatus('paused', 'done')).toBe(false);
  });

  it('lets only an event no older than the latest set the status', () => {
    const latest = new Date('2025-03-04T10:00:00Z');

    expect(becomesCurrent(latest, latest)).toBe(true);
    expect(becomesCurrent(new Date('2025-03-04T09:59:59Z'), latest)).toBe(false);
    expect(becomesCurrent(new Date('2025-03-01T00:00:00Z'), null)).toBe(true);
  });
});

describe('service and lookup helpers', () => {
  it('maps legacy level 4 to full-process and the others to partial', () => {
    expect([1, 2, 3, 4].map(provisionFromLegacyLevel)).toEqual([
      'partial',
      'partial',
      'partial',
      'full',
    ]);
  });

  it('takes the last four digits of a phone number, separators ignored', () => {
    expect(lookupDigitsOf('+84 (91) 234-56.78')).toBe('5678');
  });

  it('folds Vietnamese marks, đ and case', () => {
    expect(foldVietnamese('  Cấp GIẤY   phép Đăng ký ')).toBe('cap giay phep dang ky');
    expect(matchesAllWords('dang KY giay', ['Cấp giấy phép đăng ký'])).toBe(true);
    expect(matchesAllWords('tan so', ['Cấp giấy phép đăng ký'])).toBe(false);
  });

  it('puts chart grid lines on whole round numbers', () => {
    expect(gridValues(0)).toEqual([0, 1]);
    expect(gridValues(3)).toEqual([0, 1, 2, 3]);
    expect(gridValues(5)).toEqual([0, 2, 4, 6]);
    expect(gridValues(48)).toEqual([0, 20, 40, 60]);
    expect(gridValues(100)).toEqual([0, 50, 100]);
  });
});
