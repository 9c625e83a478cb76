import { describe, expect, it } from 'vitest';

import {
  chooseTenant,
  foldForSearch,
  matchesTenant,
} from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeTenants } from '../fake-admin-api.ts';

const [main, ais, vnta] = fakeTenants;

describe('chooseTenant', () => {
  it('prefers the portal a link asked for', () => {
    expect(chooseTenant(fakeTenants, 'vnta', ais!.id)).toBe(vnta);
  });

  it('falls back to the last portal used', () => {
    expect(chooseTenant(fakeTenants, 'khong-co', ais!.id)).toBe(ais);
  });

  it('opens the first listed portal otherwise', () => {
    expect(chooseTenant(fakeTenants, null, null)).toBe(main);
  });

  it('ignores a requested portal the user cannot see', () => {
    expect(chooseTenant([ais!], 'vnta', null)).toBe(ais);
  });
});

describe('portal search', () => {
  it('finds a name typed without accents', () => {
    expect(matchesTenant(ais!, 'an toan')).toBe(true);
    expect(matchesTenant(ais!, 'vien thong')).toBe(false);
  });

  it('folds đ to d', () => {
    expect(foldForSearch('Đà Nẵng')).toBe('da nang');
  });

  it('matches the slug and the English name', () => {
    expect(matchesTenant(vnta!, 'VNTA')).toBe(true);
    expect(matchesTenant(ais!, 'security')).toBe(true);
  });
});
