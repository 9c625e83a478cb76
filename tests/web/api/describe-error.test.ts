import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';

import { ApiError } from '../../../web/src/api/api-error.ts';
import { describeError } from '../../../web/src/api/describe-error.ts';
import { createI18n } from '../../../web/src/i18n/create-i18n.ts';

function translator(locale: 'vi' | 'en') {
  return createRoot((dispose) => {
    const i18n = createI18n();
    i18n.setLocale(locale);
    return { t: i18n.t, dispose };
  });
}

describe('describeError', () => {
  it('translates the password rules of the server', () => {
    const { t, dispose } = translator('vi');
    const error = new ApiError({
      status: 400,
      code: 'invalid_input',
      message: 'The new password must be at least 12 characters long',
      fields: [{ field: 'newPassword', message: 'must be at least 12 characters long' }],
    });

    const description = describeError(error, t);

    expect(description.summary).toBe('Một số thông tin chưa hợp lệ. Xem ghi chú ở từng ô.');
    expect(description.fieldMessages.newPassword).toBe('Cần ít nhất 12 ký tự.');
    expect(description.detail).toBeUndefined();
    dispose();
  });

  it('keeps the server reason of a refusal as the detail', () => {
    const { t, dispose } = translator('en');
    const message = 'This account also belongs to other units or to the board';
    const error = new ApiError({ status: 403, code: 'forbidden', message });

    const description = describeError(error, t);

    expect(description.summary).toBe('Your account is not allowed to do this.');
    expect(description.detail).toBe(message);
    dispose();
  });

  it('says how long to wait after too many attempts', () => {
    const { t, dispose } = translator('en');
    const error = new ApiError({
      status: 429,
      code: 'rate_limited',
      message: 'Too many',
      retryAfterSeconds: 290,
    });

    expect(describeError(error, t).summary).toBe(
      'Too many attempts. Wait about 5 minutes, then try again.',
    );
    dispose();
  });

  it('describes an unexpected exception as a server failure', () => {
    const { t, dispose } = translator('vi');

    expect(describeError(new Error('boom'), t).summary).toContain('Máy chủ gặp lỗi');
    dispose();
  });
});
