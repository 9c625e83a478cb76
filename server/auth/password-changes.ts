import { and, eq, gt, isNull } from 'drizzle-orm';

import { appendAudit } from '../audit/audit-log.ts';
import { recordSecurityEvent } from '../audit/security-events.ts';
import type { Config } from '../config.ts';
import { passwordResets, users } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { RequestOrigin } from './login.ts';
import { checkPasswordRules, hashPassword, verifyPassword } from './passwords.ts';
import { deleteUserSessions, type SessionRecord, type SessionUser } from './sessions.ts';
import { generateToken, hashToken } from './tokens.ts';

/** How long a password reset link stays valid. */
export const resetLinkLifetimeHours = 72;

function assertPasswordRules(config: Config, user: SessionUser, password: string) {
  const problems = checkPasswordRules(password, {
    minLength: config.passwords.minLength,
    email: user.email,
    displayName: user.displayName,
  });
  if (problems.length > 0) {
    const fields = problems.map((problem) => ({ ...problem, field: 'newPassword' }));
    throw new AppError('invalid_input', `The new password ${problems[0]!.message}`, { fields });
  }
}

/** Changes a signed-in user's password; the current one is required and other sessions end. */
export async function changePassword(
  db: Db,
  config: Config,
  context: RequestOrigin & { user: SessionUser; session: SessionRecord },
  passwords: { currentPassword: string; newPassword: string },
) {
  const isCurrentValid = await verifyPassword(context.user.passwordHash, passwords.currentPassword);
  if (!isCurrentValid) {
    throw new AppError('forbidden', 'The current password is incorrect', {
      fields: [{ field: 'currentPassword', message: 'incorrect' }],
    });
  }
  assertPasswordRules(config, context.user, passwords.newPassword);
  const passwordHash = await hashPassword(passwords.newPassword);

  await withoutTenant(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, context.user.id));
    await deleteUserSessions(tx, context.user.id, context.session.id);
    await recordSecurityEvent(tx, {
      type: 'password_changed',
      userId: context.user.id,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
      requestId: context.requestId,
    });
    await appendAudit(tx, {
      tenantId: null,
      actorUserId: context.user.id,
      action: 'auth.password_change',
      resourceType: 'user',
      resourceId: context.user.id,
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
  });
}

/**
 * Issues a one-time reset token for a user, valid for 72 hours. The token is returned once and
 * only its hash is stored; earlier unused tokens of the user stop working.
 */
export async function issuePasswordReset(tx: Tx, userId: string, createdBy: string | null) {
  const token = generateToken();
  await tx
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  await tx.insert(passwordResets).values({
    tokenHash: hashToken(token),
    userId,
    createdBy,
    expiresAt: new Date(Date.now() + resetLinkLifetimeHours * 3_600_000),
  });

  return token;
}

/** Sets a new password with a reset token; the token is used up and every session ends. */
export async function resetPassword(
  db: Db,
  config: Config,
  origin: RequestOrigin,
  input: { token: string; newPassword: string },
) {
  const tokenHash = hashToken(input.token);
  const [found] = await withoutTenant(db, (tx) =>
    tx
      .select({ reset: passwordResets, user: users })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(
        and(
          eq(passwordResets.tokenHash, tokenHash),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date()),
        ),
      ),
  );
  if (!found || found.user.status !== 'active') {
    throw new AppError('not_found', 'This reset link is invalid, expired or already used');
  }
  assertPasswordRules(config, found.user, input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);

  await withoutTenant(db, async (tx) => {
    const claimed = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
      .returning({ userId: passwordResets.userId });
    if (claimed.length === 0) {
      throw new AppError('not_found', 'This reset link is invalid, expired or already used');
    }
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, found.user.id));
    await deleteUserSessions(tx, found.user.id);
    await recordSecurityEvent(tx, {
      type: 'password_reset_used',
      userId: found.user.id,
      ipAddress: origin.ipAddress,
      userAgent: origin.userAgent,
      requestId: origin.requestId,
    });
    await appendAudit(tx, {
      tenantId: null,
      actorUserId: found.user.id,
      action: 'auth.password_reset',
      resourceType: 'user',
      resourceId: found.user.id,
      ipAddress: origin.ipAddress,
      requestId: origin.requestId,
    });
  });
}
