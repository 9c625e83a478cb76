import { randomUUID } from 'node:crypto';

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';

import type { ActingContext } from '../access/context.ts';
import { errorResponses, jsonBody, jsonResponse, z } from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { dossierStates } from '../db/schema/index.ts';
import type { WorkingCalendar } from '../workflow/calendar.ts';
import { actOnTenant, conflictResponse, TenantIdSchema } from './admin-service-routes.ts';
import type { DossierOrigin, ServiceDependencies } from './dependencies.ts';
import { recordDossierEvent } from './dossier-events.ts';
import { getDossier, listDossiers } from './dossier-queries.ts';
import { CreateDossierSchema, DossierCodeSchema, DossierEventSchema } from './dossier-schemas.ts';
import { createDossier } from './dossiers.ts';
import {
  createIntegrationToken,
  listIntegrationTokens,
  presentIntegrationToken,
  revokeIntegrationToken,
} from './integration-tokens.ts';
import type { NationalTarget } from './national-portal.ts';

const AnyObject = z.record(z.string(), z.unknown());
const ok = (description: string) => jsonResponse(AnyObject, description);

const ListDossiersQuerySchema = TenantIdSchema.extend({
  status: z.enum(dossierStates).optional(),
  serviceCode: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const CodeParamsSchema = z.object({ code: DossierCodeSchema });
const AdminDossierSchema = CreateDossierSchema.extend({
  tenantId: z.uuid(),
  /** Now, when staff record a dossier as they receive it. */
  receivedAt: CreateDossierSchema.shape.receivedAt.optional(),
});
const AdminEventSchema = DossierEventSchema.omit({ eventId: true }).extend({
  tenantId: z.uuid(),
  occurredAt: DossierEventSchema.shape.occurredAt.optional(),
});
const CreateTokenSchema = TenantIdSchema.extend({
  name: z.string().trim().min(2).max(200),
  replaceActive: z.boolean().default(false),
});
const TokenParamsSchema = z.object({ tokenId: z.uuid() });

function staffOrigin(context: ActingContext): DossierOrigin {
  return {
    source: 'admin',
    actorUserId: context.actor.userId,
    ipAddress: context.ipAddress,
    requestId: context.requestId,
  };
}

export type DossierRouteOptions = {
  getCalendar: () => Promise<WorkingCalendar>;
  nationalTargets: readonly NationalTarget[];
};

/** Adds the dossier and integration-token routes to the services admin router. */
export function addDossierRoutes(router: OpenAPIHono<AppEnv>, options: DossierRouteOptions) {
  const depsOf = (db: ServiceDependencies['db']): ServiceDependencies => ({
    db,
    getCalendar: options.getCalendar,
    nationalTargets: options.nationalTargets,
  });

  router.openapi(
    createRoute({
      method: 'get',
      path: '/dossiers',
      summary: "List a unit's dossiers with applicant data, newest first",
      tags: ['dossiers'],
      request: { query: ListDossiersQuerySchema },
      responses: { 200: ok('Dossiers'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { tenant } = await actOnTenant(c, query.tenantId, 'dossier.read');
      return c.json(await listDossiers(c.var.db, tenant, query), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/dossiers',
      summary: 'Record a dossier received at the unit; idempotent by code',
      tags: ['dossiers'],
      request: { body: jsonBody(AdminDossierSchema) },
      responses: { 201: ok('Recorded, or replayed'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      const { tenantId, ...input } = c.req.valid('json');
      const { tenant, context } = await actOnTenant(c, tenantId, 'dossier.manage');
      const receivedAt = input.receivedAt ?? new Date().toISOString();
      const outcome = await createDossier(
        depsOf(c.var.db),
        tenant.id,
        { ...input, receivedAt },
        staffOrigin(context),
      );
      return c.json(outcome.result, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/dossiers/{code}',
      summary: 'One dossier with its applicant and full history',
      tags: ['dossiers'],
      request: { params: CodeParamsSchema, query: TenantIdSchema },
      responses: { 200: ok('The dossier'), ...errorResponses },
    }),
    async (c) => {
      const { tenant } = await actOnTenant(c, c.req.valid('query').tenantId, 'dossier.read');
      return c.json(await getDossier(c.var.db, tenant, c.req.valid('param').code), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/dossiers/{code}/events',
      summary: 'Record a step of a dossier, now unless occurredAt is given',
      tags: ['dossiers'],
      request: { params: CodeParamsSchema, body: jsonBody(AdminEventSchema) },
      responses: { 201: ok('Recorded'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      const { tenantId, ...input } = c.req.valid('json');
      const { tenant, context } = await actOnTenant(c, tenantId, 'dossier.manage');
      const event = {
        ...input,
        eventId: `admin:${randomUUID()}`,
        occurredAt: input.occurredAt ?? new Date().toISOString(),
      };
      const outcome = await recordDossierEvent(
        depsOf(c.var.db),
        tenant.id,
        c.req.valid('param').code,
        event,
        staffOrigin(context),
      );
      return c.json(outcome.result, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/integration-tokens',
      summary: "List a unit's integration tokens; the tokens themselves are never shown again",
      tags: ['integration tokens'],
      request: { query: TenantIdSchema },
      responses: { 200: ok('Tokens'), ...errorResponses },
    }),
    async (c) => {
      const { tenantId } = c.req.valid('query');
      const { tenant } = await actOnTenant(c, tenantId, 'integration_token.manage');
      const rows = await listIntegrationTokens(c.var.db, tenant);
      return c.json({ tokens: rows.map(presentIntegrationToken) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/integration-tokens',
      summary: "Create the unit's integration token; the response shows it once",
      tags: ['integration tokens'],
      request: { body: jsonBody(CreateTokenSchema) },
      responses: { 201: ok('The token'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      const { tenantId, ...options } = c.req.valid('json');
      const { tenant, context } = await actOnTenant(c, tenantId, 'integration_token.manage');
      const created = await createIntegrationToken(c.var.db, context, tenant, options);
      return c.json({ token: created.token, ...presentIntegrationToken(created.record) }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/integration-tokens/{tokenId}/revoke',
      summary: 'Revoke an integration token at once',
      tags: ['integration tokens'],
      request: { params: TokenParamsSchema, body: jsonBody(TenantIdSchema) },
      responses: { 200: ok('The revoked token'), ...errorResponses },
    }),
    async (c) => {
      const { tenantId } = c.req.valid('json');
      const { tenant, context } = await actOnTenant(c, tenantId, 'integration_token.manage');
      const { tokenId } = c.req.valid('param');
      const row = await revokeIntegrationToken(c.var.db, context, tenant, tokenId);
      return c.json(presentIntegrationToken(row), 200);
    },
  );
}
