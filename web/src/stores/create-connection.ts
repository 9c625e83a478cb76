import { createSignal, onCleanup } from 'solid-js';

export type ConnectionOptions = {
  /** A path the server serves on every host, without a session. */
  probeUrl?: string;
  /** How often to probe while the server is unreachable, in milliseconds. */
  retryIntervalMs?: number;
  fetch?: typeof fetch;
};

/**
 * Creates the connection store behind the lost-connection banner. A failed API call or the
 * browser's `offline` event marks the server unreachable. From then on a probe runs until it
 * succeeds, or until any API call gets a response.
 */
export function createConnection(options: ConnectionOptions = {}) {
  const probeUrl = options.probeUrl ?? '/healthz';
  const retryIntervalMs = options.retryIntervalMs ?? 5000;
  const fetchProbe =
    options.fetch ?? ((url: string) => globalThis.fetch(url, { cache: 'no-store' }));
  const [isOnline, setOnline] = createSignal(true);
  const [isChecking, setChecking] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stopProbing = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  const reportServerReached = () => {
    stopProbing();
    setOnline(true);
  };

  const probe = async () => {
    setChecking(true);
    try {
      const response = await fetchProbe(probeUrl);
      if (response.ok) {
        reportServerReached();
        return;
      }
    } catch {
      // Still unreachable: try again after the interval.
    } finally {
      setChecking(false);
    }
    stopProbing();
    timer = setTimeout(() => void probe(), retryIntervalMs);
  };

  const reportNetworkFailure = () => {
    setOnline(false);
    if (timer === undefined) {
      timer = setTimeout(() => void probe(), retryIntervalMs);
    }
  };

  const onOffline = () => reportNetworkFailure();
  const onOnline = () => void probe();
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  onCleanup(() => {
    stopProbing();
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
  });

  return {
    isOnline,
    isChecking,
    reportNetworkFailure,
    reportServerReached,
    /** Probes at once, for the banner's "try again" button. */
    retryNow: () => void probe(),
  };
}

export type Connection = ReturnType<typeof createConnection>;
