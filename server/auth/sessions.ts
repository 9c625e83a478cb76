import { and, eq, ne } from 'drizzle-orm';

import type { Config } from '../config.ts';
import { sessions, users } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { generateToken, hashToken } from './tokens.ts';

export type SessionSettings = Config['sessions'];

/** Writing `last_seen_at` on every request would cost a write each time; once a minute is enough. */
const lastSeenResolutionMs = 60_000;

export type SessionRecord = typeof sessions.$inferSelect;
export type SessionUser = typeof users.$inferSelect;

export type CreateSessionOptions = {
  userId: string;
  isSecondFactorVerified: boolean;
  ipAddress: string | null;
  userAgent: string | null;
  now?: Date;
};

/** Creates a session and returns the token for the cookie; the database keeps only its hash. */
export async function createSession(
  tx: Tx,
  settings: SessionSettings,
  options: CreateSessionOptions,
): Promise<{ token: string; session: SessionRecord }> {
  const token = generateToken();
  const now = options.now ?? new Date();
  const [session] = await tx
    .insert(sessions)
    .values({
      id: hashToken(token),
      userId: options.userId,
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: new Date(now.getTime() + settings.maxAgeHours * 3_600_000),
      isSecondFactorVerified: options.isSecondFactorVerified,
      ipAddress: options.ipAddress,
      userAgent: options.userAgent?.slice(0, 500) ?? null,
    })
    .returning();

  return { token, session: session! };
}

/** Whether a session has ended, by its absolute lifetime or by inactivity. */
export function isSessionExpired(session: SessionRecord, settings: SessionSettings, now: Date) {
  const idleLimit = session.lastSeenAt.getTime() + settings.idleMinutes * 60_000;

  return now >= session.absoluteExpiresAt || now.getTime() >= idleLimit;
}

/**
 * Looks up the session of a cookie token and extends its idle time (sliding expiry). Returns
 * null for an unknown, expired or revoked session, or one whose user is disabled; an expired
 * session is deleted on the way.
 */
export async function validateSessionToken(
  db: Db,
  settings: SessionSettings,
  token: string,
  now = new Date(),
): Promise<{ session: SessionRecord; user: SessionUser } | null> {
  const sessionId = hashToken(token);

  return withoutTenant(db, async (tx) => {
    const [row] = await tx
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, sessionId));
    if (!row) {
      return null;
    }
    if (isSessionExpired(row.session, settings, now) || row.user.status !== 'active') {
      await tx.delete(sessions).where(eq(sessions.id, sessionId));
      return null;
    }
    if (now.getTime() - row.session.lastSeenAt.getTime() >= lastSeenResolutionMs) {
      await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
      row.session.lastSeenAt = now;
    }

    return row;
  });
}

export async function deleteSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Deletes every session of a user, except one when given; returns how many were deleted. */
export async function deleteUserSessions(
  tx: Tx,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  const condition = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId);
  const deleted = await tx.delete(sessions).where(condition).returning({ id: sessions.id });

  return deleted.length;
}
