import { z } from 'zod';

import { ConfigError } from '../config.ts';

/**
 * The national systems that receive dossier statuses and statistics: the National Public
 * Service Portal (Cổng Dịch vụ công quốc gia) and the National Single Window (Cơ chế một cửa
 * quốc gia).
 */
export const nationalTargets = ['public_service_portal', 'single_window'] as const;
export type NationalTarget = (typeof nationalTargets)[number];

/** The English names of the national systems, for log lines and errors. */
export const nationalTargetNames: Record<NationalTarget, string> = {
  public_service_portal: 'National Public Service Portal',
  single_window: 'National Single Window',
};

/** One status change of a dossier, as sent to a national system. Carries no applicant data. */
export type DossierStatusUpdate = {
  unit: { slug: string; name: string };
  dossierCode: string;
  serviceCode: string;
  procedureName: string;
  /** The status of the event this update reports. */
  status: string;
  occurredAt: string;
  /**
   * The dossier's status when the update was built. It differs from `status` when the event
   * arrived out of order, or when later events were recorded before this one was delivered.
   */
  currentStatus: string;
  receivedOn: string;
  dueAt: string | null;
  finishedAt: string | null;
};

/** The figures of one service in one month. */
export type ServiceMonthFigures = {
  serviceCode: string;
  procedureName: string;
  received: number;
  /** Dossiers still open at the end of the month. */
  inProcessing: number;
  finishedOnTime: number;
  finishedLate: number;
  rejectedOrReturned: number;
};

/** A unit's dossier statistics of one calendar month, as sent to a national system. */
export type MonthlyStatisticsReport = {
  unit: { slug: string; name: string };
  /** The month as `YYYY-MM`, in Vietnam's time zone. */
  month: string;
  services: ServiceMonthFigures[];
};

/**
 * Sends data to one national system. Each call carries an idempotency key: the receiver must
 * treat a second call with the same key as the first, because the outbox delivers at least
 * once. A call that throws is retried by the job worker.
 */
export interface NationalPortalClient {
  pushDossierStatus(update: DossierStatusUpdate, idempotencyKey: string): Promise<void>;
  pushMonthlyStatistics(report: MonthlyStatisticsReport, idempotencyKey: string): Promise<void>;
}

/** A national system returned an error status or could not be reached. */
export class NationalPortalError extends Error {
  override name = 'NationalPortalError';
  readonly status: number | null;

  constructor(message: string, status: number | null, options: { cause?: unknown } = {}) {
    super(message, options);
    this.status = status;
  }
}

export type HttpNationalPortalOptions = {
  target: NationalTarget;
  /** The base URL; the client appends `/dossier-status` and `/monthly-statistics`. */
  baseUrl: string;
  token: string;
  /** How long one call may take, in milliseconds. */
  timeoutMs: number;
};

/**
 * A client that posts JSON to a national system with a bearer token and an `Idempotency-Key`
 * header. Any 2xx response counts as delivered.
 *
 * NOTE: the paths and field names are this platform's own. The national systems publish their
 * interface to connected agencies only, so this client maps onto it once the connection
 * agreement gives the real contract.
 */
export class HttpNationalPortalClient implements NationalPortalClient {
  readonly #options: HttpNationalPortalOptions;

  constructor(options: HttpNationalPortalOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
  }

  pushDossierStatus(update: DossierStatusUpdate, idempotencyKey: string): Promise<void> {
    return this.#post('/dossier-status', update, idempotencyKey);
  }

  pushMonthlyStatistics(report: MonthlyStatisticsReport, idempotencyKey: string): Promise<void> {
    return this.#post('/monthly-statistics', report, idempotencyKey);
  }

  get #name(): string {
    return nationalTargetNames[this.#options.target];
  }

  async #post(path: string, body: unknown, idempotencyKey: string): Promise<void> {
    const url = `${this.#options.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.#options.token}`,
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
    } catch (error) {
      throw new NationalPortalError(
        `Could not reach the ${this.#name} at ${url}: ${(error as Error).message}`,
        null,
        { cause: error },
      );
    }
    // The body is read so that the connection can be reused; its content is not needed.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) {
      throw new NationalPortalError(
        `The ${this.#name} answered ${response.status} to POST ${url}`,
        response.status,
      );
    }
  }
}

const NationalPortalEnvironmentSchema = z
  .object({
    NATIONAL_PUBLIC_SERVICE_PORTAL_URL: z.url({ protocol: /^https?$/ }).optional(),
    NATIONAL_PUBLIC_SERVICE_PORTAL_TOKEN: z.string().trim().min(1).optional(),
    NATIONAL_SINGLE_WINDOW_URL: z.url({ protocol: /^https?$/ }).optional(),
    NATIONAL_SINGLE_WINDOW_TOKEN: z.string().trim().min(1).optional(),
    NATIONAL_PORTAL_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  })
  .refine(
    (env) => !env.NATIONAL_PUBLIC_SERVICE_PORTAL_URL || env.NATIONAL_PUBLIC_SERVICE_PORTAL_TOKEN,
    {
      message: 'is required when NATIONAL_PUBLIC_SERVICE_PORTAL_URL is set',
      path: ['NATIONAL_PUBLIC_SERVICE_PORTAL_TOKEN'],
    },
  )
  .refine((env) => !env.NATIONAL_SINGLE_WINDOW_URL || env.NATIONAL_SINGLE_WINDOW_TOKEN, {
    message: 'is required when NATIONAL_SINGLE_WINDOW_URL is set',
    path: ['NATIONAL_SINGLE_WINDOW_TOKEN'],
  });

/** The connection to each configured national system; a target without a URL is off. */
export type NationalPortalSettings = {
  endpoints: Partial<Record<NationalTarget, { baseUrl: string; token: string }>>;
  timeoutMs: number;
};

/**
 * Reads the national-system settings from the environment, or throws a `ConfigError` naming
 * the variable. Empty variables count as unset, as in the main configuration.
 */
export function loadNationalPortalSettings(
  env: NodeJS.ProcessEnv = process.env,
): NationalPortalSettings {
  const setValues = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = NationalPortalEnvironmentSchema.safeParse(setValues);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${String(issue.path[0])}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid national portal settings: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  const endpoints: NationalPortalSettings['endpoints'] = {};
  if (values.NATIONAL_PUBLIC_SERVICE_PORTAL_URL) {
    endpoints.public_service_portal = {
      baseUrl: values.NATIONAL_PUBLIC_SERVICE_PORTAL_URL,
      token: values.NATIONAL_PUBLIC_SERVICE_PORTAL_TOKEN!,
    };
  }
  if (values.NATIONAL_SINGLE_WINDOW_URL) {
    endpoints.single_window = {
      baseUrl: values.NATIONAL_SINGLE_WINDOW_URL,
      token: values.NATIONAL_SINGLE_WINDOW_TOKEN!,
    };
  }

  return { endpoints, timeoutMs: values.NATIONAL_PORTAL_TIMEOUT_MS };
}

/** Returns the targets that have an endpoint configured. */
export function configuredTargets(settings: NationalPortalSettings): NationalTarget[] {
  return nationalTargets.filter((target) => settings.endpoints[target] !== undefined);
}

/** Builds an HTTP client for every configured national system. */
export function createNationalPortalClients(
  settings: NationalPortalSettings,
): Partial<Record<NationalTarget, NationalPortalClient>> {
  const clients: Partial<Record<NationalTarget, NationalPortalClient>> = {};
  for (const target of configuredTargets(settings)) {
    const endpoint = settings.endpoints[target]!;
    clients[target] = new HttpNationalPortalClient({
      target,
      baseUrl: endpoint.baseUrl,
      token: endpoint.token,
      timeoutMs: settings.timeoutMs,
    });
  }

  return clients;
}
