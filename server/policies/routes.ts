import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';

import { tenantResource, type ActingContext } from '../access/context.ts';
import { createApiRouter, errorResponses, jsonBody, jsonResponse, z } from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { requireAuth, requirePermission } from '../auth/middleware.ts';
import { clientIp } from '../client-ip.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import { findTenant } from '../users/accounts.ts';
import type { WorkflowDependencies } from '../workflow/apply-transition.ts';
import { updateBoardPolicy } from './board-changes.ts';
import { removePolicyOverride, setPolicyOverride } from './overrides.ts';
import { listPolicyHistory, listPolicyTenants, listTenantPolicyHistory } from './history.ts';
import { presentPolicy } from './presenters.ts';
import { dropPublicPages } from './public-pages.ts';
import {
  effectivePolicies,
  isPolicyKey,
  policyDefaultsFromConfig,
  type PolicyKey,
} from './registry.ts';

const Localized = z.object({ vi: z.string(), en: z.string() });

const PolicySchema = z
  .object({
    key: z.string(),
    label: Localized,
    description: Localized,
    type: z.enum(['number', 'boolean', 'string_set', 'deadline_map', 'attribute_map']),
    direction: z.enum(['lower', 'higher', 'grow', 'shrink', 'disable', 'shorter', 'none']),
    scope: z.enum(['tenant', 'platform']),
    unit: z.enum(['bytes', 'days', 'working_days', 'minutes', 'hours']).nullable(),
    options: z.array(z.object({ value: z.string(), label: Localized })).nullable(),
    hasBounds: z.boolean(),
    defaultValue: z.unknown(),
    board: z
      .object({
        value: z.unknown(),
        bounds: z.unknown(),
        isLocked: z.boolean(),
        version: z.number().int(),
        updatedBy: z.string().nullable(),
        updatedAt: z.string(),
        isStoredValueInvalid: z.boolean(),
      })
      .nullable(),
    boardValue: z.unknown(),
    bounds: z.unknown(),
    isLocked: z.boolean(),
    isOverridable: z.boolean(),
    boardVersion: z.number().int(),
    allowedOverride: z.string().nullable(),
    override: z
      .object({
        value: z.unknown(),
        status: z.enum(['in_force', 'superseded', 'set_aside']),
        problem: z.string().nullable(),
        version: z.number().int(),
        updatedBy: z.string().nullable(),
        updatedAt: z.string(),
      })
      .nullable(),
    value: z.unknown(),
    source: z.enum(['code', 'board', 'tenant']),
  })
  .openapi('Policy');

const HistoryEntrySchema = z
  .object({
    id: z.number().int(),
    key: z.string(),
    tenantId: z.string().nullable(),
    change: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string(),
    changedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    changedAt: z.string(),
  })
  .openapi('PolicyHistoryEntry');

const PolicyTenantSchema = z.object({
  tenant: z.object({ id: z.string(), slug: z.string(), kind: z.string(), nameVi: z.string() }),
  followsBoard: z.boolean(),
  override: z
    .object({
      value: z.unknown(),
      status: z.enum(['in_force', 'superseded', 'set_aside']),
      problem: z.string().nullable(),
    })
    .nullable(),
});

const KeyParamsSchema = z.object({ key: z.string().min(1).max(100) });
const OptionalTenantSchema = z.object({ tenantId: z.uuid().optional() });
const ReasonSchema = z.string().trim().min(3).max(2000);

const BoardChangeSchema = z.object({
  value: z.unknown().optional(),
  bounds: z.unknown().optional(),
  isLocked: z.boolean().optional(),
  reason: ReasonSchema,
  version: z.number().int().min(0).optional(),
});

const OverrideSchema = z.object({
  tenantId: z.uuid(),
  value: z.unknown(),
  reason: ReasonSchema,
  version: z.number().int().min(0).optional(),
});

const RemoveOverrideSchema = z.object({ tenantId: z.uuid(), reason: ReasonSchema });

function acting(c: Context<AppEnv>, actor: ActingContext['actor']): ActingContext {
  return { actor, ipAddress: clientIp(c), requestId: c.var.requestId };
}

function requireKey(key: string): PolicyKey {
  if (!isPolicyKey(key)) {
    throw new AppError('not_found', `No policy has the key ${key}`);
  }

  return key;
}

/**
 * Reads every policy for one tenant (with its overrides) after checking `policy.read` there,
 * or the board's values after checking it on the platform.
 */
async function readPolicies(c: Context<AppEnv>, tenantId: string | undefined) {
  const defaults = policyDefaultsFromConfig(c.var.config);
  if (!tenantId) {
    requirePermission(c, 'policy.read', { kind: 'platform' });
    return withoutTenant(c.var.db, (tx) => effectivePolicies(tx, null, { defaults }));
  }
  const tenant = await findTenant(c.var.db, tenantId);
  requirePermission(c, 'policy.read', tenantResource(tenant));

  return withTenant(c.var.db, tenant.id, (tx) => effectivePolicies(tx, tenant.id, { defaults }));
}

export type PolicyRoutesOptions = Pick<WorkflowDependencies, 'onPublicChange'>;

/**
 * Creates the routes of board policies, tenants' overrides and their history under
 * `/api/admin/policies`. Public pages render some policies (the footer's required fields, the
 * allowed HTML), so every change drops the cached pages it can alter through `onPublicChange`.
 */
export function createPolicyRoutes(options: PolicyRoutesOptions) {
  const router = createApiRouter();
  const dropPages = (c: Context<AppEnv>, tenantId: string | null) =>
    dropPublicPages(
      { db: c.var.db, log: c.var.log, onPublicChange: options.onPublicChange },
      tenantId,
    );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: "Every policy with the value in force for a portal, or the board's values",
      tags: ['policies'],
      request: { query: OptionalTenantSchema },
      responses: {
        200: jsonResponse(z.object({ policies: z.array(PolicySchema) }), 'Policies'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const resolved = await readPolicies(c, c.req.valid('query').tenantId);
      return c.json({ policies: Object.values(resolved).map(presentPolicy) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{key}',
      summary: 'One policy with the value in force for a portal',
      tags: ['policies'],
      request: { params: KeyParamsSchema, query: OptionalTenantSchema },
      responses: { 200: jsonResponse(PolicySchema, 'The policy'), ...errorResponses },
    }),
    async (c) => {
      const key = requireKey(c.req.valid('param').key);
      const resolved = await readPolicies(c, c.req.valid('query').tenantId);
      return c.json(presentPolicy(resolved[key]), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/{key}',
      summary: "Change the board's value, bounds or lock of a policy; a reason is required",
      tags: ['policies'],
      request: { params: KeyParamsSchema, body: jsonBody(BoardChangeSchema) },
      responses: {
        200: jsonResponse(PolicySchema, "The board's setting after the change"),
        409: jsonResponse(z.record(z.string(), z.unknown()), 'Changed meanwhile'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { actor } = requirePermission(c, 'policy.manage_default', { kind: 'platform' });
      const input = c.req.valid('json');
      const resolved = await updateBoardPolicy(
        c.var.db,
        acting(c, actor),
        c.req.valid('param').key,
        input,
        { defaults: policyDefaultsFromConfig(c.var.config) },
      );
      c.var.log.info({ policy: resolved.key }, 'board policy changed');
      await dropPages(c, null);
      return c.json(presentPolicy(resolved), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/{key}/override',
      summary: "Set a portal's own, stricter value of a policy; a reason is required",
      tags: ['policies'],
      request: { params: KeyParamsSchema, body: jsonBody(OverrideSchema) },
      responses: {
        200: jsonResponse(PolicySchema, 'The policy for the portal after the change'),
        409: jsonResponse(z.record(z.string(), z.unknown()), 'Locked, platform-wide or changed'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const tenant = await findTenant(c.var.db, input.tenantId);
      const { actor } = requirePermission(c, 'policy.override', tenantResource(tenant));
      const resolved = await setPolicyOverride(
        c.var.db,
        acting(c, actor),
        tenant,
        c.req.valid('param').key,
        input,
      );
      c.var.log.info({ policy: resolved.key, tenantId: tenant.id }, 'policy override set');
      await dropPages(c, tenant.id);
      return c.json(presentPolicy(resolved), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/{key}/override',
      summary: "Remove a portal's override, so the board's value applies again",
      tags: ['policies'],
      request: { params: KeyParamsSchema, body: jsonBody(RemoveOverrideSchema) },
      responses: {
        200: jsonResponse(PolicySchema, 'The policy for the portal after the change'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const tenant = await findTenant(c.var.db, input.tenantId);
      const { actor } = requirePermission(c, 'policy.override', tenantResource(tenant));
      const resolved = await removePolicyOverride(
        c.var.db,
        acting(c, actor),
        tenant,
        c.req.valid('param').key,
        input,
      );
      c.var.log.info({ policy: resolved.key, tenantId: tenant.id }, 'policy override removed');
      await dropPages(c, tenant.id);
      return c.json(presentPolicy(resolved), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{key}/history',
      summary: "A policy's changes: the board's and one portal's, or every portal's for the board",
      tags: ['policies'],
      request: { params: KeyParamsSchema, query: OptionalTenantSchema },
      responses: {
        200: jsonResponse(z.object({ history: z.array(HistoryEntrySchema) }), 'Changes'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { key } = c.req.valid('param');
      const { tenantId } = c.req.valid('query');
      const { actor } = requireAuth(c);
      if (!tenantId) {
        return c.json({ history: await listPolicyHistory(c.var.db, actor, key) }, 200);
      }
      const tenant = await findTenant(c.var.db, tenantId);
      requirePermission(c, 'policy.read', tenantResource(tenant));
      return c.json({ history: await listTenantPolicyHistory(c.var.db, tenant, key) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{key}/tenants',
      summary: "Every portal and whether it follows the board's value or keeps an override",
      tags: ['policies'],
      request: { params: KeyParamsSchema },
      responses: {
        200: jsonResponse(z.object({ tenants: z.array(PolicyTenantSchema) }), 'Portals'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { actor } = requireAuth(c);
      const entries = await listPolicyTenants(c.var.db, actor, c.req.valid('param').key);
      return c.json({ tenants: entries }, 200);
    },
  );

  return router;
}
