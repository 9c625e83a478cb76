import { and, eq, isNull, or, lt } from 'drizzle-orm';

import { appendAudit } from '../audit/audit-log.ts';
import { recordSecurityEvent } from '../audit/security-events.ts';
import { recoveryCodes, sessions, users } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { RequestOrigin } from './login.ts';
import type { SessionRecord, SessionUser } from './sessions.ts';
import { accountRules, lockedForMs, recordFailure } from './throttle.ts';
import {
  createTotpEnrolment,
  generateRecoveryCodes,
  hashRecoveryCode,
  verifyTotpCode,
} from './totp.ts';

type SecondFactorContext = RequestOrigin & { user: SessionUser; session: SessionRecord };

function throttleKeyOf(userId: string) {
  return [{ key: `second-factor:${userId}`, rules: accountRules }];
}

async function rejectIfLocked(db: Db, userId: string) {
  const lockMs = await withoutTenant(db, (tx) => lockedForMs(tx, throttleKeyOf(userId)));
  if (lockMs > 0) {
    throw new AppError('rate_limited', 'Too many wrong codes: wait before trying again', {
      retryAfterSeconds: lockMs / 1000,
    });
  }
}

async function recordWrongCode(
  db: Db,
  context: SecondFactorContext,
  type: 'second_factor_failed' | 'recovery_code_rejected',
) {
  await withoutTenant(db, async (tx) => {
    await recordFailure(tx, throttleKeyOf(context.user.id));
    await recordSecurityEvent(tx, {
      type,
      userId: context.user.id,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
      requestId: context.requestId,
    });
  });
}

/**
 * Completes a sign-in with a TOTP code. A code is accepted once: the step it belongs to is
 * stored, and the update only succeeds while the stored step is older, so two requests racing
 * with the same code cannot both pass.
 */
export async function verifySecondFactor(db: Db, context: SecondFactorContext, code: string) {
  await rejectIfLocked(db, context.user.id);
  const key = context.user.totpKey;
  const step = key ? verifyTotpCode(key, code, context.user.totpLastStep) : null;
  const accepted =
    step !== null &&
    (await withoutTenant(db, async (tx) => {
      const updated = await tx
        .update(users)
        .set({ totpLastStep: step })
        .where(
          and(
            eq(users.id, context.user.id),
            or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
          ),
        )
        .returning({ id: users.id });
      if (updated.length === 0) {
        return false;
      }
      await tx
        .update(sessions)
        .set({ isSecondFactorVerified: true })
        .where(eq(sessions.id, context.session.id));
      await recordSecurityEvent(tx, {
        type: 'second_factor_succeeded',
        userId: context.user.id,
        ipAddress: context.ipAddress,
        userAgent: context.userAgent,
        requestId: context.requestId,
      });
      return true;
    }));
  if (!accepted) {
    await recordWrongCode(db, context, 'second_factor_failed');
    throw new AppError('unauthenticated', 'The code is wrong, expired or already used', {
      fields: [{ field: 'code', message: 'invalid or already used' }],
    });
  }
}

/** Completes a sign-in with a one-time recovery code, which is used up. */
export async function useRecoveryCode(db: Db, context: SecondFactorContext, code: string) {
  await rejectIfLocked(db, context.user.id);
  const codeHash = hashRecoveryCode(code);
  const outcome = await withoutTenant(db, async (tx) => {
    const [stored] = await tx
      .select()
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, context.user.id), eq(recoveryCodes.codeHash, codeHash)));
    if (!stored) {
      return 'unknown' as const;
    }
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(recoveryCodes.userId, context.user.id),
          eq(recoveryCodes.codeHash, codeHash),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ userId: recoveryCodes.userId });
    if (used.length === 0) {
      return 'used' as const;
    }
    await tx
      .update(sessions)
      .set({ isSecondFactorVerified: true })
      .where(eq(sessions.id, context.session.id));
    await recordSecurityEvent(tx, {
      type: 'recovery_code_used',
      userId: context.user.id,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
      requestId: context.requestId,
    });
    return 'accepted' as const;
  });

  if (outcome !== 'accepted') {
    await recordWrongCode(db, context, 'recovery_code_rejected');
  }
  if (outcome === 'used') {
    throw new AppError('conflict', 'This recovery code has already been used');
  }
  if (outcome === 'unknown') {
    throw new AppError('unauthenticated', 'The recovery code is wrong', {
      fields: [{ field: 'code', message: 'invalid' }],
    });
  }
}

/** Starts TOTP enrolment: stores a pending key and returns what the authenticator app needs. */
export async function startEnrolment(db: Db, user: SessionUser) {
  if (user.totpKey) {
    throw new AppError('conflict', 'A second factor is already set up for this account');
  }
  const enrolment = await createTotpEnrolment(user.email);
  await withoutTenant(db, (tx) =>
    tx.update(users).set({ totpPendingKey: enrolment.key }).where(eq(users.id, user.id)),
  );

  return enrolment;
}

/**
 * Confirms enrolment with a code from the app: the pending key becomes the user's key, the
 * session counts as verified, and ten recovery codes are returned, to be shown once.
 */
export async function confirmEnrolment(db: Db, context: SecondFactorContext, code: string) {
  const pendingKey = context.user.totpPendingKey;
  if (!pendingKey) {
    throw new AppError('conflict', 'Start the set-up of the authenticator app first');
  }
  await rejectIfLocked(db, context.user.id);
  const step = verifyTotpCode(pendingKey, code, null);
  if (step === null) {
    await recordWrongCode(db, context, 'second_factor_failed');
    throw new AppError('invalid_input', 'The code does not match the new key', {
      fields: [{ field: 'code', message: 'invalid' }],
    });
  }

  const { codes, hashes } = generateRecoveryCodes();
  await withoutTenant(db, async (tx) => {
    await tx
      .update(users)
      .set({ totpKey: pendingKey, totpPendingKey: null, totpLastStep: step, updatedAt: new Date() })
      .where(eq(users.id, context.user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, context.user.id));
    await tx
      .insert(recoveryCodes)
      .values(hashes.map((codeHash) => ({ userId: context.user.id, codeHash })));
    await tx
      .update(sessions)
      .set({ isSecondFactorVerified: true })
      .where(eq(sessions.id, context.session.id));
    await appendAudit(tx, {
      tenantId: null,
      actorUserId: context.user.id,
      action: 'auth.second_factor_enable',
      resourceType: 'user',
      resourceId: context.user.id,
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
  });

  return codes;
}
