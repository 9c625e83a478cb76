import { generateHOTP } from '@oslojs/otp';
import { sql } from 'drizzle-orm';

import { hashPassword } from '../../server/auth/passwords.ts';
import { totpPeriodSeconds } from '../../server/auth/totp.ts';
import {
  boardRoles,
  memberships,
  users,
  type BoardRole,
  type TenantRole,
} from '../../server/db/schema/index.ts';
import { withTenant } from '../../server/db/tenant-scope.ts';
import type { Db } from '../../server/db/types.ts';
import type { buildTestApp } from './factories.ts';

export const testPassword = 'mat-khau-thu-nghiem-2026';

/** Hashing with argon2 takes a while, so every test account shares one hash. */
let sharedHash: Promise<string> | undefined;

export type CreateUserOptions = {
  email?: string;
  displayName?: string;
  boardRoles?: BoardRole[];
  memberships?: { tenantId: string; roles: TenantRole[] }[];
  totpKey?: Uint8Array;
};

let userCounter = 0;

/** Inserts a user with the shared test password and the given roles. */
export async function createUser(db: Db, options: CreateUserOptions = {}) {
  userCounter += 1;
  sharedHash ??= hashPassword(testPassword);
  const [user] = await db
    .insert(users)
    .values({
      email: options.email ?? `nguoi-dung-${userCounter}-${Date.now()}@mic.gov.vn`,
      displayName: options.displayName ?? `Cán bộ ${userCounter}`,
      passwordHash: await sharedHash,
      totpKey: options.totpKey ?? null,
    })
    .returning();
  for (const role of options.boardRoles ?? []) {
    await db.insert(boardRoles).values({ userId: user!.id, role });
  }
  for (const membership of options.memberships ?? []) {
    await withTenant(db, membership.tenantId, (tx) =>
      tx.insert(memberships).values(
        membership.roles.map((role) => ({
          tenantId: membership.tenantId,
          userId: user!.id,
          role,
        })),
      ),
    );
  }

  return user!;
}

/** Returns the TOTP code of a key for the current period, or one `offset` periods away. */
export function totpCodeFor(key: Uint8Array, offset = 0): string {
  const step = Math.floor(Date.now() / 1000 / totpPeriodSeconds) + offset;
  return generateHOTP(key, BigInt(step), 6);
}

export function randomTotpKey(): Uint8Array {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return key;
}

/** Moves every session of a user back in time, as if it had been idle for `minutes`. */
export async function ageSessions(db: Db, userId: string, minutes: number) {
  await db.execute(
    sql`update sessions set last_seen_at = last_seen_at - make_interval(mins => ${minutes})
         where user_id = ${userId}`,
  );
}

type TestApp = ReturnType<typeof buildTestApp>;

/**
 * A browser-like client of the admin API on one host: it keeps the session cookie and sends
 * the Origin and JSON content type that the CSRF check expects.
 */
export function createAdminClient(testApp: TestApp, host: string) {
  let cookie = '';
  const origin = `http://${host}`;

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await testApp.request(host, `/api/admin${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method === 'GET' ? {} : { 'content-type': 'application/json', origin }),
        ...headers,
      },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  };

  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call('POST', path, body, headers),
    put: (path: string, body?: unknown) => call('PUT', path, body),
    login: (email: string, password = testPassword) =>
      call('POST', '/auth/login', { email, password }),
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
  };
}
