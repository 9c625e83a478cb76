import { eq } from 'drizzle-orm';

import { appendAudit } from '../audit/audit-log.ts';
import { recordSecurityEvent } from '../audit/security-events.ts';
import type { Config } from '../config.ts';
import { users } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { securityPolicies } from '../policies/security.ts';
import { verifyPassword } from './passwords.ts';
import { createSession, type SessionRecord } from './sessions.ts';
import {
  accountRules,
  addressRules,
  clearFailures,
  lockedForMs,
  recordFailure,
  type ThrottleKey,
} from './throttle.ts';

/** The client of a sign-in, for throttling, security events and the audit log. */
export type RequestOrigin = {
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string;
};

export type LoginOptions = RequestOrigin & { email: string; password: string };

export type LoginResult = {
  token: string;
  session: SessionRecord;
  userId: string;
  /** The user has a second factor: the session can do nothing until the code is given. */
  isSecondFactorPending: boolean;
};

/** The same message for an unknown email and a wrong password, so neither is revealed. */
const invalidCredentials = 'The email or password is incorrect';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Signs a user in with email and password. Failures count against the account and the client
 * address in the database, so the back-off applies across instances. Every outcome is
 * recorded as a security event.
 */
export async function login(db: Db, config: Config, options: LoginOptions): Promise<LoginResult> {
  const email = normaliseEmail(options.email);
  const keys: ThrottleKey[] = [{ key: `account:${email}`, rules: accountRules }];
  if (options.ipAddress) {
    keys.push({ key: `address:${options.ipAddress}`, rules: addressRules });
  }
  const event = {
    email,
    ipAddress: options.ipAddress,
    userAgent: options.userAgent,
    requestId: options.requestId,
  };

  const lockMs = await withoutTenant(db, (tx) => lockedForMs(tx, keys));
  if (lockMs > 0) {
    await withoutTenant(db, (tx) => recordSecurityEvent(tx, { ...event, type: 'login_throttled' }));
    throw new AppError('rate_limited', 'Too many failed sign-ins: wait before trying again', {
      retryAfterSeconds: lockMs / 1000,
    });
  }

  const [user] = await withoutTenant(db, (tx) =>
    tx.select().from(users).where(eq(users.email, email)),
  );
  const isPasswordValid = await verifyPassword(user?.passwordHash ?? null, options.password);
  if (!user || !isPasswordValid || user.status !== 'active') {
    await withoutTenant(db, async (tx) => {
      await recordFailure(tx, keys);
      await recordSecurityEvent(tx, {
        ...event,
        type: 'login_failed',
        userId: user?.id,
        details: { reason: user?.status === 'disabled' ? 'disabled' : 'invalid_credentials' },
      });
    });
    throw new AppError('unauthenticated', invalidCredentials);
  }

  const isSecondFactorPending = user.totpKey !== null;
  const { sessions } = await securityPolicies(db, config);
  const created = await withoutTenant(db, async (tx) => {
    await clearFailures(tx, `account:${email}`);
    const session = await createSession(tx, sessions, {
      userId: user.id,
      isSecondFactorVerified: !isSecondFactorPending,
      ipAddress: options.ipAddress,
      userAgent: options.userAgent,
    });
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await recordSecurityEvent(tx, {
      ...event,
      type: 'login_succeeded',
      userId: user.id,
      details: { isSecondFactorPending },
    });
    await appendAudit(tx, {
      tenantId: null,
      actorUserId: user.id,
      action: 'auth.login',
      resourceType: 'user',
      resourceId: user.id,
      ipAddress: options.ipAddress,
      requestId: options.requestId,
    });
    return session;
  });

  return { ...created, userId: user.id, isSecondFactorPending };
}
