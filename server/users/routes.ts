import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';

import { createApiRouter, errorResponses, jsonBody, jsonResponse, z } from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { requirePermission } from '../auth/middleware.ts';
import { clientIp } from '../client-ip.ts';
import { boardRoleNames, tenantRoleNames } from '../db/schema/index.ts';
import {
  addMember,
  assertMayManageAccount,
  createBoardUser,
  createResetToken,
  findMember,
  findTenant,
  listAllUsers,
  listMembers,
  revokeSessions,
  setBoardRoles,
  setMemberRoles,
  tenantResource,
  type ActingContext,
} from './accounts.ts';

const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    jobTitle: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    hasSecondFactor: z.boolean(),
    lastLoginAt: z.string().nullable(),
  })
  .openapi('User');
const MemberSchema = UserSchema.extend({ roles: z.array(z.enum(tenantRoleNames)) }).openapi(
  'Member',
);
const BoardUserSchema = UserSchema.extend({ boardRoles: z.array(z.enum(boardRoleNames)) });

const TenantQuerySchema = z.object({ tenantId: z.uuid().optional() });
const UserParamsSchema = z.object({ userId: z.uuid() });

const CreateUserSchema = z
  .object({
    email: z.email().max(320),
    displayName: z.string().trim().min(2).max(200),
    jobTitle: z.string().trim().max(200).optional(),
    tenantId: z.uuid().optional(),
    roles: z.array(z.enum(tenantRoleNames)).max(4).default([]),
    boardRoles: z.array(z.enum(boardRoleNames)).max(6).default([]),
  })
  .refine((input) => Boolean(input.tenantId) !== input.boardRoles.length > 0, {
    message: 'give either tenantId with roles, or boardRoles',
    path: ['tenantId'],
  })
  .refine((input) => !input.tenantId || input.roles.length > 0, {
    message: 'at least one role is needed on the portal',
    path: ['roles'],
  });

const CreatedUserSchema = z.object({
  user: UserSchema,
  roles: z.array(z.string()),
  /** Shown once; null when the email already had an account. */
  setupUrl: z.string().nullable(),
});

function actingContext(c: Context<AppEnv>, actor: ActingContext['actor']): ActingContext {
  return { actor, ipAddress: clientIp(c), requestId: c.var.requestId };
}

function setupUrl(c: Context<AppEnv>, token: string | null): string | null {
  if (!token) {
    return null;
  }
  const { protocol, host, port } = c.var.origin;

  return `${protocol}://${host}${port ? `:${port}` : ''}/admin/dat-lai-mat-khau?token=${token}`;
}

/** Checks the actor's right to an account change, for a tenant or for the platform. */
async function authorizeAccountChange(
  c: Context<AppEnv>,
  action: 'user.manage' | 'session.revoke',
  userId: string,
  tenantId: string | undefined,
) {
  if (!tenantId) {
    return requirePermission(c, action, { kind: 'platform' }).actor;
  }
  const tenant = await findTenant(c.var.db, tenantId);
  const { actor } = requirePermission(c, action, tenantResource(tenant));
  await findMember(c.var.db, tenant, userId);
  await assertMayManageAccount(c.var.db, actor, userId);

  return actor;
}

/** Users, their memberships of portals and their board roles under `/api/admin/users`. */
export function createUserRoutes() {
  const router = createApiRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'List the members of a portal, or every user for the board',
      tags: ['users'],
      request: { query: TenantQuerySchema },
      responses: {
        200: jsonResponse(
          z.object({ users: z.array(z.union([MemberSchema, BoardUserSchema])) }),
          'Users',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { tenantId } = c.req.valid('query');
      if (!tenantId) {
        requirePermission(c, 'user.read', { kind: 'platform' });
        return c.json({ users: await listAllUsers(c.var.db) }, 200);
      }
      const tenant = await findTenant(c.var.db, tenantId);
      requirePermission(c, 'user.read', tenantResource(tenant));
      return c.json({ users: await listMembers(c.var.db, tenant) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Add a person to a portal, or create a board account',
      tags: ['users'],
      request: { body: jsonBody(CreateUserSchema) },
      responses: { 201: jsonResponse(CreatedUserSchema, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      if (input.tenantId) {
        const tenant = await findTenant(c.var.db, input.tenantId);
        const { actor } = requirePermission(c, 'membership.manage', tenantResource(tenant));
        const added = await addMember(c.var.db, actingContext(c, actor), tenant, input);
        return c.json({ ...added, setupUrl: setupUrl(c, added.setupToken) }, 201);
      }
      const { actor } = requirePermission(c, 'board_role.manage', { kind: 'platform' });
      const created = await createBoardUser(c.var.db, actingContext(c, actor), {
        ...input,
        roles: input.boardRoles,
      });
      return c.json({ ...created, setupUrl: setupUrl(c, created.setupToken) }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/{userId}',
      summary: 'A member of a portal',
      tags: ['users'],
      request: { params: UserParamsSchema, query: z.object({ tenantId: z.uuid() }) },
      responses: { 200: jsonResponse(MemberSchema, 'The member'), ...errorResponses },
    }),
    async (c) => {
      const { userId } = c.req.valid('param');
      const tenant = await findTenant(c.var.db, c.req.valid('query').tenantId);
      requirePermission(c, 'user.read', tenantResource(tenant));
      return c.json(await findMember(c.var.db, tenant, userId), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/{userId}/memberships/{tenantId}',
      summary: "Replace a member's roles on a portal; an empty list removes the membership",
      tags: ['users'],
      request: {
        params: UserParamsSchema.extend({ tenantId: z.uuid() }),
        body: jsonBody(z.object({ roles: z.array(z.enum(tenantRoleNames)).max(4) })),
      },
      responses: {
        200: jsonResponse(z.object({ ok: z.literal(true) }), 'Done'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { userId, tenantId } = c.req.valid('param');
      const tenant = await findTenant(c.var.db, tenantId);
      const { actor } = requirePermission(c, 'membership.manage', tenantResource(tenant));
      await setMemberRoles(
        c.var.db,
        actingContext(c, actor),
        tenant,
        userId,
        c.req.valid('json').roles,
      );
      return c.json({ ok: true as const }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/{userId}/board-roles',
      summary: "Replace a user's board roles",
      tags: ['users'],
      request: {
        params: UserParamsSchema,
        body: jsonBody(z.object({ roles: z.array(z.enum(boardRoleNames)).max(6) })),
      },
      responses: {
        200: jsonResponse(z.object({ ok: z.literal(true) }), 'Done'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { actor } = requirePermission(c, 'board_role.manage', { kind: 'platform' });
      const { userId } = c.req.valid('param');
      await setBoardRoles(c.var.db, actingContext(c, actor), userId, c.req.valid('json').roles);
      return c.json({ ok: true as const }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/{userId}/password-reset',
      summary: 'Issue a one-time password reset link, shown once',
      tags: ['users'],
      request: { params: UserParamsSchema, body: jsonBody(TenantQuerySchema) },
      responses: {
        200: jsonResponse(z.object({ resetUrl: z.string() }), 'Link'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { userId } = c.req.valid('param');
      const actor = await authorizeAccountChange(
        c,
        'user.manage',
        userId,
        c.req.valid('json').tenantId,
      );
      const token = await createResetToken(c.var.db, actingContext(c, actor), userId);
      return c.json({ resetUrl: setupUrl(c, token)! }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/{userId}/revoke-sessions',
      summary: 'End every session of a user',
      tags: ['users'],
      request: { params: UserParamsSchema, body: jsonBody(TenantQuerySchema) },
      responses: { 200: jsonResponse(z.object({ ended: z.number() }), 'Done'), ...errorResponses },
    }),
    async (c) => {
      const { userId } = c.req.valid('param');
      const actor = await authorizeAccountChange(
        c,
        'session.revoke',
        userId,
        c.req.valid('json').tenantId,
      );
      const ended = await revokeSessions(c.var.db, actingContext(c, actor), userId);
      return c.json({ ended }, 200);
    },
  );

  return router;
}
