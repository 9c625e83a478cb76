import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import {
  createApiRouter,
  ErrorResponseSchema,
  errorResponses,
  jsonBody,
  jsonResponse,
  z,
} from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { clientIp } from '../client-ip.ts';
import { AppError } from '../errors.ts';
import type { WorkingCalendar } from '../workflow/calendar.ts';
import type { DossierOrigin, ServiceDependencies } from './dependencies.ts';
import { recordDossierEvent } from './dossier-events.ts';
import { getDossierProgress } from './dossier-queries.ts';
import { CreateDossierSchema, DossierCodeSchema, DossierEventSchema } from './dossier-schemas.ts';
import { createDossier } from './dossiers.ts';
import { authenticateIntegrationToken } from './integration-tokens.ts';
import {
  configuredTargets,
  loadNationalPortalSettings,
  type NationalTarget,
} from './national-portal.ts';

/** The unit system that made an inbound call, from its token. */
type InboundCaller = { tokenId: string; tenantId: string };
type InboundEnv = { Variables: AppEnv['Variables'] & { caller: InboundCaller } };

export type InboundApiOptions = {
  getCalendar: () => Promise<WorkingCalendar>;
  /** The national systems that are configured; read from the environment by default. */
  nationalTargets?: readonly NationalTarget[];
};

/** The header that marks the response to a replayed call, whose body is the first call's. */
export const replayHeader = 'Idempotent-Replayed';

const maxBodyBytes = 256 * 1024;

const ReceiptSchema = z
  .object({
    code: z.string(),
    serviceCode: z.string(),
    receivedAt: z.string(),
    receivedOn: z.string(),
    dueAt: z.string(),
  })
  .openapi('InboundDossierReceipt');
const EventReceiptSchema = z
  .object({
    eventId: z.string(),
    dossierCode: z.string(),
    status: z.string(),
    occurredAt: z.string(),
    recordedAt: z.string(),
  })
  .openapi('InboundEventReceipt');
const ProgressSchema = z.record(z.string(), z.unknown()).openapi('InboundDossierProgress');
const CodeParamsSchema = z.object({ code: DossierCodeSchema });

const inboundErrors = {
  ...errorResponses,
  409: jsonResponse(ErrorResponseSchema, 'The code or event id is already used with other data'),
} as const;

function requireBearerToken(): MiddlewareHandler<InboundEnv> {
  return async function requireBearerTokenMiddleware(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const caller = match ? await authenticateIntegrationToken(c.var.db, match[1]!) : null;
    if (!caller) {
      c.header('WWW-Authenticate', 'Bearer realm="inbound"');
      throw new AppError(
        'unauthenticated',
        match
          ? 'The integration token is invalid or has been revoked'
          : 'Send the unit integration token as Authorization: Bearer <token>',
      );
    }
    c.set('caller', caller);
    c.set('log', c.var.log.child({ tenantId: caller.tenantId, tokenId: caller.tokenId }));

    await next();
  };
}

/** Rejects a body that is not JSON with the problem named, before schema validation runs. */
function requireJsonBody(): MiddlewareHandler<InboundEnv> {
  return async function requireJsonBodyMiddleware(c, next) {
    if (c.req.method !== 'POST') {
      return next();
    }
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new AppError('invalid_input', 'Send the request body as application/json', {
        fields: [{ field: 'content-type', message: 'must be application/json' }],
      });
    }
    try {
      // Hono keeps the parsed body, so the schema validation reads it without parsing again.
      await c.req.json();
    } catch {
      throw new AppError('invalid_input', 'The request body is not valid JSON', {
        fields: [{ field: '(body)', message: 'is not valid JSON' }],
      });
    }

    await next();
  };
}

function originOf(c: Context<InboundEnv>): DossierOrigin {
  return {
    source: 'inbound',
    actorUserId: null,
    tokenId: c.var.caller.tokenId,
    // `clientIp` reads only `config` and the socket, which both context types have.
    ipAddress: clientIp(c as unknown as Context<AppEnv>),
    requestId: c.var.requestId,
  };
}

/**
 * Creates the API at `/api/inbound` that a unit's own processing system calls to record
 * dossiers and their progress. The unit is the one its bearer token belongs to, never one named
 * in the body, and each call is idempotent by dossier code or event id.
 */
export function createInboundApi(options: InboundApiOptions) {
  // The admin API's router factory supplies the hook that names every failed field. Only the
  // context type differs, because `requireBearerToken` adds the caller to it.
  const api = createApiRouter() as unknown as OpenAPIHono<InboundEnv>;
  const nationalTargets =
    options.nationalTargets ?? configuredTargets(loadNationalPortalSettings());
  const depsOf = (c: Context<InboundEnv>): ServiceDependencies => ({
    db: c.var.db,
    getCalendar: options.getCalendar,
    nationalTargets,
  });

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Portal platform inbound dossier API', version: '1.0.0' },
  });
  api.use(async function noStore(c, next) {
    c.header('Cache-Control', 'no-store');
    await next();
  });
  api.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new AppError('payload_too_large', 'The request body is larger than 256 KiB');
      },
    }),
  );
  api.use(requireBearerToken());
  api.use(requireJsonBody());

  api.openapi(
    createRoute({
      method: 'post',
      path: '/dossiers',
      summary: 'Record a dossier the unit received; a replay returns the first receipt',
      tags: ['inbound'],
      request: { body: jsonBody(CreateDossierSchema) },
      responses: { 201: jsonResponse(ReceiptSchema, 'Recorded, or replayed'), ...inboundErrors },
    }),
    async (c) => {
      const { caller } = c.var;
      const outcome = await createDossier(
        depsOf(c),
        caller.tenantId,
        c.req.valid('json'),
        originOf(c),
      );
      if (outcome.isReplay) {
        c.header(replayHeader, 'true');
      }
      return c.json(outcome.result, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/dossiers/{code}/events',
      summary: 'Record a step of a dossier; an older step goes into the history only',
      tags: ['inbound'],
      request: { params: CodeParamsSchema, body: jsonBody(DossierEventSchema) },
      responses: {
        201: jsonResponse(EventReceiptSchema, 'Recorded, or replayed'),
        ...inboundErrors,
      },
    }),
    async (c) => {
      const { caller } = c.var;
      const outcome = await recordDossierEvent(
        depsOf(c),
        caller.tenantId,
        c.req.valid('param').code,
        c.req.valid('json'),
        originOf(c),
      );
      if (outcome.isReplay) {
        c.header(replayHeader, 'true');
      }
      return c.json(outcome.result, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/dossiers/{code}',
      summary: "A dossier's current status and history, without applicant data",
      tags: ['inbound'],
      request: { params: CodeParamsSchema },
      responses: { 200: jsonResponse(ProgressSchema, 'The dossier'), ...inboundErrors },
    }),
    async (c) => {
      const progress = await getDossierProgress(
        c.var.db,
        c.var.caller.tenantId,
        c.req.valid('param').code,
      );
      return c.json(progress, 200);
    },
  );

  // A catch-all route, not `notFound`: a mounted router's `notFound` is not used by the app.
  api.all('*', () => {
    throw new AppError('not_found', 'No such inbound API route');
  });

  return api;
}
