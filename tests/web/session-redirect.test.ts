import { describe, expect, it } from 'vitest';

import { sessionRedirect } from '../../web/src/session-redirect.ts';
import type { SessionState } from '../../web/src/stores/create-session.ts';
import { fakeMe } from './fake-admin-api.ts';

const me = fakeMe();
const enrolled = fakeMe({ isEnrolled: true });
const signedOut: SessionState = { status: 'signed-out', hasExpired: false };

describe('sessionRedirect', () => {
  it.each([
    ['signed out, on a page', signedOut, '/nguoi-dung', undefined, '/dang-nhap?tiep=%2Fnguoi-dung'],
    ['signed out, on the dashboard', signedOut, '/', undefined, '/dang-nhap'],
    ['signed out, on sign-in', signedOut, '/dang-nhap', '/nguoi-dung', undefined],
    ['signed out, on the reset page', signedOut, '/dat-lai-mat-khau', undefined, undefined],
    [
      'code pending, after sign-in',
      { status: 'second-factor', me },
      '/dang-nhap',
      '/nguoi-dung',
      '/dang-nhap/ma-xac-thuc?tiep=%2Fnguoi-dung',
    ],
    ['set-up required', { status: 'enrolment', me }, '/', undefined, '/thiet-lap-xac-thuc'],
    [
      'ready, after the code',
      { status: 'ready', me },
      '/dang-nhap/ma-xac-thuc',
      '/nguoi-dung',
      '/nguoi-dung',
    ],
    ['ready, on sign-in', { status: 'ready', me }, '/dang-nhap', undefined, '/'],
    [
      'ready, set up done',
      { status: 'ready', me: enrolled },
      '/thiet-lap-xac-thuc',
      undefined,
      '/',
    ],
    [
      'ready, choosing to set up',
      { status: 'ready', me },
      '/thiet-lap-xac-thuc',
      undefined,
      undefined,
    ],
    ['ready, on a page', { status: 'ready', me }, '/nguoi-dung', undefined, undefined],
    ['still loading', { status: 'loading' }, '/nguoi-dung', undefined, undefined],
  ] as [string, SessionState, string, string | undefined, string | undefined][])(
    '%s',
    (_case, state, path, next, expected) => {
      expect(sessionRedirect(state, path, next)).toBe(expected);
    },
  );

  it('ignores a next page outside the admin', () => {
    expect(sessionRedirect({ status: 'ready', me }, '/dang-nhap', '//evil.example')).toBe('/');
  });
});
