export type RetryDelayOptions = {
  /** The wait after the first failed attempt, in milliseconds; 30 seconds by default. */
  baseDelayMs?: number;
  /** The longest wait between attempts, in milliseconds; 1 hour by default. */
  maxDelayMs?: number;
};

/**
 * Returns how long to wait before the next attempt after attempt number `attempt` (1 for the
 * first) failed: the base delay doubled for each earlier failure, capped at the maximum.
 */
export function retryDelayMs(attempt: number, options: RetryDelayOptions = {}): number {
  const baseDelayMs = options.baseDelayMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 3_600_000;

  return Math.min(baseDelayMs * 2 ** Math.max(attempt - 1, 0), maxDelayMs);
}
