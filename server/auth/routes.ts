import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';

import { createApiRouter, errorResponses, jsonBody, jsonResponse, z } from '../api/openapi.ts';
import type { AppEnv } from '../app-env.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { clientIp } from '../client-ip.ts';
import { sessions, tenants } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import { clearSessionCookie, writeSessionCookie } from './cookies.ts';
import { login, type RequestOrigin } from './login.ts';
import { requireAuth } from './middleware.ts';
import { changePassword, resetPassword } from './password-changes.ts';
import {
  confirmEnrolment,
  startEnrolment,
  useRecoveryCode,
  verifySecondFactor,
} from './second-factor.ts';
import { deleteSession, deleteUserSessions } from './sessions.ts';

const OkSchema = z.object({ ok: z.literal(true) }).openapi('Ok');
const CodeSchema = z.object({ code: z.string().trim().min(6).max(20) });

const SecondFactorStateSchema = z.object({
  isEnrolled: z.boolean(),
  isRequired: z.boolean(),
  isPending: z.boolean(),
});

const MeSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      jobTitle: z.string().nullable(),
    }),
    boardRoles: z.array(z.string()),
    memberships: z.array(
      z.object({
        tenantId: z.uuid(),
        slug: z.string(),
        nameVi: z.string(),
        roles: z.array(z.string()),
      }),
    ),
    secondFactor: SecondFactorStateSchema,
  })
  .openapi('Me');

const LoginResponseSchema = z
  .object({ userId: z.uuid(), secondFactor: SecondFactorStateSchema.pick({ isPending: true }) })
  .openapi('LoginResponse');

const SessionListSchema = z
  .object({
    sessions: z.array(
      z.object({
        id: z.string(),
        createdAt: z.string(),
        lastSeenAt: z.string(),
        ipAddress: z.string().nullable(),
        userAgent: z.string().nullable(),
        isCurrent: z.boolean(),
      }),
    ),
  })
  .openapi('SessionList');

function requestOrigin(c: Context<AppEnv>): RequestOrigin {
  return {
    ipAddress: clientIp(c),
    userAgent: c.req.header('user-agent') ?? null,
    requestId: c.var.requestId,
  };
}

function post(path: string, summary: string, body: z.ZodType, response: z.ZodType) {
  return createRoute({
    method: 'post',
    path,
    summary,
    tags: ['auth'],
    request: { body: jsonBody(body) },
    responses: { 200: jsonResponse(response, 'Done'), ...errorResponses },
  });
}

/** Sign-in, second factor, sessions and passwords under `/api/admin/auth`. */
export function createAuthRoutes() {
  const router = createApiRouter();

  router.openapi(
    post(
      '/login',
      'Sign in with email and password',
      z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1024) }),
      LoginResponseSchema,
    ),
    async (c) => {
      const input = c.req.valid('json') as { email: string; password: string };
      const result = await login(c.var.db, c.var.config, { ...input, ...requestOrigin(c) });
      writeSessionCookie(c, result.token, result.session.absoluteExpiresAt);
      c.var.log.info({ userId: result.userId }, 'signed in');
      return c.json(
        { userId: result.userId, secondFactor: { isPending: result.isSecondFactorPending } },
        200,
      );
    },
  );

  router.openapi(post('/logout', 'End this session', z.object({}), OkSchema), async (c) => {
    const auth = requireAuth(c, { allowPendingSecondFactor: true, allowEnrolment: true });
    await withoutTenant(c.var.db, async (tx) => {
      await deleteSession(tx, auth.session.id);
      await appendAudit(tx, {
        tenantId: null,
        actorUserId: auth.user.id,
        action: 'auth.logout',
        resourceType: 'user',
        resourceId: auth.user.id,
        ipAddress: clientIp(c),
        requestId: c.var.requestId,
      });
    });
    clearSessionCookie(c);
    return c.json({ ok: true as const }, 200);
  });

  router.openapi(
    post(
      '/logout-others',
      'End every other session of this user',
      z.object({}),
      z.object({ ended: z.number() }),
    ),
    async (c) => {
      const auth = requireAuth(c, { allowEnrolment: true });
      const ended = await withoutTenant(c.var.db, (tx) =>
        deleteUserSessions(tx, auth.user.id, auth.session.id),
      );
      return c.json({ ended }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: 'The signed-in user, their roles and second-factor state',
      tags: ['auth'],
      responses: { 200: jsonResponse(MeSchema, 'The signed-in user'), ...errorResponses },
    }),
    async (c) => {
      const auth = requireAuth(c, { allowPendingSecondFactor: true, allowEnrolment: true });
      const tenantRows = await withoutTenant(c.var.db, (tx) =>
        tx.select({ id: tenants.id, slug: tenants.slug, nameVi: tenants.nameVi }).from(tenants),
      );
      const memberships = tenantRows
        .filter((tenant) => auth.actor.memberships.has(tenant.id))
        .map((tenant) => ({
          tenantId: tenant.id,
          slug: tenant.slug,
          nameVi: tenant.nameVi,
          roles: [...(auth.actor.memberships.get(tenant.id) ?? [])],
        }));
      return c.json(
        {
          user: {
            id: auth.user.id,
            email: auth.user.email,
            displayName: auth.user.displayName,
            jobTitle: auth.user.jobTitle,
          },
          boardRoles: [...auth.actor.boardRoles],
          memberships,
          secondFactor: {
            isEnrolled: auth.user.totpKey !== null,
            isRequired: auth.mustEnrolSecondFactor || auth.user.totpKey !== null,
            isPending: auth.isSecondFactorPending,
          },
        },
        200,
      );
    },
  );

  router.openapi(
    post(
      '/second-factor/verify',
      'Complete sign-in with a code from the authenticator app',
      CodeSchema,
      OkSchema,
    ),
    async (c) => {
      const auth = requireAuth(c, { allowPendingSecondFactor: true, allowEnrolment: true });
      if (!auth.isSecondFactorPending) {
        throw new AppError('conflict', 'This session needs no code');
      }
      const { code } = c.req.valid('json') as { code: string };
      await verifySecondFactor(c.var.db, { ...requestOrigin(c), ...auth }, code);
      return c.json({ ok: true as const }, 200);
    },
  );

  router.openapi(
    post(
      '/second-factor/recovery',
      'Complete sign-in with a one-time recovery code',
      CodeSchema,
      OkSchema,
    ),
    async (c) => {
      const auth = requireAuth(c, { allowPendingSecondFactor: true, allowEnrolment: true });
      if (!auth.isSecondFactorPending) {
        throw new AppError('conflict', 'This session needs no code');
      }
      const { code } = c.req.valid('json') as { code: string };
      await useRecoveryCode(c.var.db, { ...requestOrigin(c), ...auth }, code);
      return c.json({ ok: true as const }, 200);
    },
  );

  router.openapi(
    post(
      '/second-factor/setup',
      'Start setting up an authenticator app',
      z.object({}),
      z.object({ uri: z.string(), qrSvg: z.string(), secret: z.string() }),
    ),
    async (c) => {
      const auth = requireAuth(c, { allowEnrolment: true });
      const enrolment = await startEnrolment(c.var.db, auth.user);
      const secret = /[?&]secret=([A-Z2-7]+)/.exec(enrolment.uri)?.[1] ?? '';
      return c.json({ uri: enrolment.uri, qrSvg: enrolment.qrSvg, secret }, 200);
    },
  );

  router.openapi(
    post(
      '/second-factor/enable',
      'Confirm the authenticator app with a code; returns ten recovery codes, shown once',
      CodeSchema,
      z.object({ recoveryCodes: z.array(z.string()) }),
    ),
    async (c) => {
      const auth = requireAuth(c, { allowEnrolment: true });
      const { code } = c.req.valid('json') as { code: string };
      const recoveryCodes = await confirmEnrolment(
        c.var.db,
        { ...requestOrigin(c), ...auth },
        code,
      );
      return c.json({ recoveryCodes }, 200);
    },
  );

  router.openapi(
    post(
      '/password',
      'Change the password; other sessions end',
      z.object({
        currentPassword: z.string().min(1).max(1024),
        newPassword: z.string().min(1).max(1024),
      }),
      OkSchema,
    ),
    async (c) => {
      const auth = requireAuth(c, { allowEnrolment: true });
      const input = c.req.valid('json') as { currentPassword: string; newPassword: string };
      await changePassword(c.var.db, c.var.config, { ...requestOrigin(c), ...auth }, input);
      return c.json({ ok: true as const }, 200);
    },
  );

  router.openapi(
    post(
      '/password-reset',
      'Set a new password with a one-time reset token',
      z.object({
        token: z.string().regex(/^[a-z2-7]{32}$/),
        newPassword: z.string().min(1).max(1024),
      }),
      OkSchema,
    ),
    async (c) => {
      const input = c.req.valid('json') as { token: string; newPassword: string };
      await resetPassword(c.var.db, c.var.config, requestOrigin(c), input);
      return c.json({ ok: true as const }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/sessions',
      summary: "The signed-in user's sessions",
      tags: ['auth'],
      responses: { 200: jsonResponse(SessionListSchema, 'Sessions'), ...errorResponses },
    }),
    async (c) => {
      const auth = requireAuth(c, { allowEnrolment: true });
      const rows = await withoutTenant(c.var.db, (tx) =>
        tx.select().from(sessions).where(eq(sessions.userId, auth.user.id)),
      );
      return c.json(
        {
          sessions: rows.map((row) => ({
            id: row.id,
            createdAt: row.createdAt.toISOString(),
            lastSeenAt: row.lastSeenAt.toISOString(),
            ipAddress: row.ipAddress,
            userAgent: row.userAgent,
            isCurrent: row.id === auth.session.id,
          })),
        },
        200,
      );
    },
  );

  return router;
}
