import { describe, expect, it } from 'vitest';

import { retryDelayMs } from '../../../server/jobs/retry-delay.ts';

describe('retryDelayMs', () => {
  it('waits the base delay after the first attempt', () => {
    expect(retryDelayMs(1)).toBe(30_000);
  });

  it('doubles the delay after each further attempt', () => {
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(120_000);
    expect(retryDelayMs(4)).toBe(240_000);
  });

  it('caps the delay at the maximum', () => {
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(50)).toBe(3_600_000);
  });

  it('uses the given base and maximum', () => {
    const options = { baseDelayMs: 1_000, maxDelayMs: 5_000 };

    expect(retryDelayMs(1, options)).toBe(1_000);
    expect(retryDelayMs(3, options)).toBe(4_000);
    expect(retryDelayMs(4, options)).toBe(5_000);
  });
});
