import { describe, expect, it } from 'vitest';

import {
  boundsState,
  parseBounds,
  parseValue,
  valueState,
} from '../../../web/src/policies/editor-state.ts';
import { fakePolicy } from './policy-fakes.ts';

const mebibyte = 1024 * 1024;
const maxUpload = fakePolicy({
  key: 'media.max_upload_bytes',
  unit: 'bytes',
  boardValue: 20 * mebibyte,
  value: 20 * mebibyte,
  bounds: { max: 1024 * mebibyte },
});

describe('policy editor state', () => {
  it('shows a size in the largest exact unit', () => {
    const state = valueState(maxUpload, 20 * mebibyte);

    expect(state.text).toBe('20');
    expect(state.byteUnit).toBe('MiB');
    expect(boundsState(maxUpload, 'MiB').max).toBe('1024');
  });

  it('converts a typed size back to bytes', () => {
    const state = {
      ...valueState(maxUpload, 20 * mebibyte),
      text: '1,5',
      byteUnit: 'GiB' as const,
    };

    expect(parseValue(maxUpload, state)).toEqual({ ok: true, value: 1.5 * 1024 * mebibyte });
  });

  it('rejects text that is not a whole number', () => {
    for (const text of ['', 'mười', '-3', '0.5']) {
      const state = { ...valueState(fakePolicy(), 20), text };

      expect(parseValue(fakePolicy(), state), text).toEqual({
        ok: false,
        problem: 'policies.editor.wholeNumber',
      });
    }
  });

  it('sends no bounds when both sides are empty', () => {
    const state = { ...boundsState(fakePolicy(), 'B'), min: ' ', max: '' };

    expect(parseBounds(fakePolicy(), state, 'B')).toEqual({ ok: true, value: null });
  });

  it('sends only the side of the bounds that is set', () => {
    const state = { ...boundsState(fakePolicy(), 'B'), min: '5', max: '' };

    expect(parseBounds(fakePolicy(), state, 'B')).toEqual({ ok: true, value: { min: 5 } });
  });
});
