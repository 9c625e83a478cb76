import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';

import type { Action } from '../access/permissions.ts';
import { tenantResource, type ActingContext } from '../access/context.ts';
import { errorResponses, jsonBody, jsonResponse, z } from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { requirePermission } from '../auth/middleware.ts';
import { clientIp } from '../client-ip.ts';
import { ErrorResponseSchema } from '../api/openapi.ts';
import { findTenant } from '../users/accounts.ts';
import {
  createService,
  getUnitService,
  listUnitServices,
  setServicePublished,
  updateService,
  type ServiceRow,
} from './catalogue.ts';
import { readServiceDetails, requireProvision, ServiceFieldsSchema } from './service-schemas.ts';

export const TenantIdSchema = z.object({ tenantId: z.uuid() });
const ServiceParamsSchema = z.object({ serviceId: z.uuid() });
const ServiceBodySchema = requireProvision(ServiceFieldsSchema.extend({ tenantId: z.uuid() }));

const StaffServiceSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string().nullable(),
    procedureName: z.string(),
    provision: z.enum(['full', 'partial']),
    legacyLevel: z.number().nullable(),
    field: z.string(),
    agency: z.string(),
    fees: z.string().nullable(),
    processingDays: z.number(),
    requiredDocuments: z.array(z.string()),
    howToApply: z.string().nullable(),
    externalUrl: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    isPublished: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('Service');

export const conflictResponse = {
  409: jsonResponse(ErrorResponseSchema, 'Conflicts with existing data; the fields are named'),
} as const;

/** Presents a service as the unit's staff see it in the admin. */
export function presentServiceForStaff(row: ServiceRow) {
  return {
    id: row.id,
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    procedureName: row.procedureName,
    provision: row.provision,
    legacyLevel: row.legacyLevel,
    field: row.field,
    agency: row.agency,
    fees: row.fees,
    processingDays: row.processingDays,
    requiredDocuments: row.requiredDocuments,
    howToApply: row.howToApply,
    externalUrl: row.externalUrl,
    details: readServiceDetails(row.details),
    isPublished: row.isPublished,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Loads the tenant, checks the permission on it and returns what a command needs. */
export async function actOnTenant(c: Context<AppEnv>, tenantId: string, action: Action) {
  const tenant = await findTenant(c.var.db, tenantId);
  const { actor } = requirePermission(c, action, tenantResource(tenant));
  const context: ActingContext = { actor, ipAddress: clientIp(c), requestId: c.var.requestId };

  return { tenant, context };
}

/** Adds the service catalogue routes to the services admin router. */
export function addServiceRoutes(
  router: OpenAPIHono<AppEnv>,
  onPublicChange: (tenantId: string) => void,
) {
  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: "List a unit's services, published or not",
      tags: ['services'],
      request: { query: TenantIdSchema },
      responses: {
        200: jsonResponse(z.object({ services: z.array(StaffServiceSchema) }), 'Services'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { tenant } = await actOnTenant(c, c.req.valid('query').tenantId, 'service.read');
      const rows = await listUnitServices(c.var.db, tenant);
      return c.json({ services: rows.map(presentServiceForStaff) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Register a service, unpublished; 409 when the code is taken',
      tags: ['services'],
      request: { body: jsonBody(ServiceBodySchema) },
      responses: {
        201: jsonResponse(StaffServiceSchema, 'Created'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { tenantId, ...input } = c.req.valid('json');
      const { tenant, context } = await actOnTenant(c, tenantId, 'service.manage');
      const row = await createService(c.var.db, context, tenant, input);
      return c.json(presentServiceForStaff(row), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{serviceId}',
      summary: 'One service of a unit',
      tags: ['services'],
      request: { params: ServiceParamsSchema, query: TenantIdSchema },
      responses: { 200: jsonResponse(StaffServiceSchema, 'The service'), ...errorResponses },
    }),
    async (c) => {
      const { tenant } = await actOnTenant(c, c.req.valid('query').tenantId, 'service.read');
      const row = await getUnitService(c.var.db, tenant, c.req.valid('param').serviceId);
      return c.json(presentServiceForStaff(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/{serviceId}',
      summary: 'Replace the fields of a service; publication stays as it is',
      tags: ['services'],
      request: { params: ServiceParamsSchema, body: jsonBody(ServiceBodySchema) },
      responses: {
        200: jsonResponse(StaffServiceSchema, 'Saved'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { tenantId, ...input } = c.req.valid('json');
      const { tenant, context } = await actOnTenant(c, tenantId, 'service.manage');
      const { serviceId } = c.req.valid('param');
      const row = await updateService(c.var.db, context, tenant, serviceId, input);
      if (row.isPublished) {
        onPublicChange(tenant.id);
      }
      return c.json(presentServiceForStaff(row), 200);
    },
  );

  for (const step of ['publish', 'unpublish'] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/{serviceId}/${step}`,
        summary:
          step === 'publish'
            ? 'Show a service on the public catalogues'
            : 'Take a service off the public catalogues',
        tags: ['services'],
        request: { params: ServiceParamsSchema, body: jsonBody(TenantIdSchema) },
        responses: { 200: jsonResponse(StaffServiceSchema, 'The service'), ...errorResponses },
      }),
      async (c) => {
        const { tenant, context } = await actOnTenant(
          c,
          c.req.valid('json').tenantId,
          'service.manage',
        );
        const { serviceId } = c.req.valid('param');
        const isPublished = step === 'publish';
        const row = await setServicePublished(c.var.db, context, tenant, serviceId, isPublished);
        onPublicChange(tenant.id);
        return c.json(presentServiceForStaff(row), 200);
      },
    );
  }
}
