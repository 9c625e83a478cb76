import { securityEvents } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';

export const securityEventTypes = [
  'login_succeeded',
  'login_failed',
  'login_throttled',
  'second_factor_failed',
  'second_factor_succeeded',
  'recovery_code_used',
  'recovery_code_rejected',
  'csrf_rejected',
  'session_revoked',
  'password_changed',
  'password_reset_used',
] as const;

export type SecurityEventType = (typeof securityEventTypes)[number];

export type SecurityEvent = {
  type: SecurityEventType;
  userId?: string | null;
  email?: string | null;
  tenantId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
};

/** Records a security event for the security auditors. */
export async function recordSecurityEvent(tx: Tx, event: SecurityEvent): Promise<void> {
  await tx.insert(securityEvents).values({
    type: event.type,
    userId: event.userId ?? null,
    email: event.email ?? null,
    tenantId: event.tenantId ?? null,
    ipAddress: event.ipAddress ?? null,
    userAgent: event.userAgent?.slice(0, 500) ?? null,
    requestId: event.requestId ?? null,
    details: event.details ?? {},
  });
}
