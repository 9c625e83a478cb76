import { count, eq } from 'drizzle-orm';

import { normaliseEmail } from '../auth/login.ts';
import { issuePasswordReset } from '../auth/password-changes.ts';
import { hashPassword } from '../auth/passwords.ts';
import { generateToken } from '../auth/tokens.ts';
import {
  boardRoles,
  memberships,
  tenants,
  users,
  type BoardRole,
  type TenantRole,
} from '../db/schema/index.ts';
import { withoutTenant, withTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';

export type GrantRolesInput = {
  email: string;
  displayName: string;
  boardRoles: BoardRole[];
  tenantSlug?: string | undefined;
  tenantRoles: TenantRole[];
};

/**
 * Creates a user, or finds one by email, and adds the given roles. Used by the command line
 * and the demo set-up, which act for the operator rather than for a signed-in user.
 */
export async function grantRoles(db: Db, input: GrantRolesInput) {
  // The portal is looked up first, so an unknown slug creates no account.
  let tenantId: string | undefined;
  if (input.tenantSlug && input.tenantRoles.length > 0) {
    const [tenant] = await withoutTenant(db, (tx) =>
      tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.tenantSlug!)),
    );
    if (!tenant) {
      throw new AppError('not_found', `No portal has the slug ${input.tenantSlug}`);
    }
    tenantId = tenant.id;
  }

  const email = normaliseEmail(input.email);
  const user = await withoutTenant(db, async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    const [row] = existing
      ? [existing]
      : await tx
          .insert(users)
          .values({ email, displayName: input.displayName.normalize('NFC') })
          .returning();
    for (const role of input.boardRoles) {
      await tx.insert(boardRoles).values({ userId: row!.id, role }).onConflictDoNothing();
    }
    return row!;
  });

  if (tenantId) {
    const id = tenantId;
    await withTenant(db, id, (tx) =>
      tx
        .insert(memberships)
        .values(input.tenantRoles.map((role) => ({ tenantId: id, userId: user.id, role })))
        .onConflictDoNothing(),
    );
  }

  return user;
}

/** Issues a one-time set-up token for a user, valid like a password reset link. */
export async function issueSetupToken(db: Db, userId: string) {
  return withoutTenant(db, (tx) => issuePasswordReset(tx, userId, null));
}

/** One account of the embedded demo, one per role. */
export type DemoAccount = {
  email: string;
  displayName: string;
  boardRole?: BoardRole;
  tenantSlug?: string;
  tenantRole?: TenantRole;
};

export const demoAccounts: DemoAccount[] = [
  {
    email: 'truong.ban@demo.mic.gov.vn',
    displayName: 'Trưởng Ban Biên tập',
    boardRole: 'board_head',
  },
  {
    email: 'pho.truong.ban.tt@demo.mic.gov.vn',
    displayName: 'Phó Trưởng ban thường trực',
    boardRole: 'board_standing_deputy',
  },
  {
    email: 'pho.truong.ban@demo.mic.gov.vn',
    displayName: 'Phó Trưởng ban',
    boardRole: 'board_deputy',
  },
  {
    email: 'thanh.vien.bbt@demo.mic.gov.vn',
    displayName: 'Thành viên Ban Biên tập',
    boardRole: 'board_member',
  },
  {
    email: 'thuong.truc@demo.mic.gov.vn',
    displayName: 'Cán bộ Bộ phận Thường trực',
    boardRole: 'standing_staff',
  },
  {
    email: 'kiem.tra.attt@demo.mic.gov.vn',
    displayName: 'Cán bộ giám sát an toàn thông tin',
    boardRole: 'security_auditor',
  },
  {
    email: 'quan.tri.ais@demo.mic.gov.vn',
    displayName: 'Quản trị Cổng Cục ATTT',
    tenantSlug: 'ais',
    tenantRole: 'unit_admin',
  },
  {
    email: 'dau.moi.ais@demo.mic.gov.vn',
    displayName: 'Cán bộ đầu mối Cục ATTT',
    tenantSlug: 'ais',
    tenantRole: 'focal_point',
  },
  {
    email: 'bien.tap.ais@demo.mic.gov.vn',
    displayName: 'Biên tập viên Cục ATTT',
    tenantSlug: 'ais',
    tenantRole: 'editor',
  },
  {
    email: 'tac.gia.ais@demo.mic.gov.vn',
    displayName: 'Tác giả Cục ATTT',
    tenantSlug: 'ais',
    tenantRole: 'author',
  },
  {
    email: 'bien.tap.vnta@demo.mic.gov.vn',
    displayName: 'Biên tập viên Cục Viễn thông',
    tenantSlug: 'vnta',
    tenantRole: 'editor',
  },
];

/**
 * Creates the demo accounts with random passwords when the database has no user yet, and
 * returns them with their passwords so start-up can print them once. Returns an empty list
 * when any user exists.
 */
export async function createDemoAccounts(db: Db) {
  const [row] = await withoutTenant(db, (tx) => tx.select({ total: count() }).from(users));
  if ((row?.total ?? 0) > 0) {
    return [];
  }

  const created: (DemoAccount & { password: string })[] = [];
  for (const account of demoAccounts) {
    const user = await grantRoles(db, {
      email: account.email,
      displayName: account.displayName,
      boardRoles: account.boardRole ? [account.boardRole] : [],
      tenantSlug: account.tenantSlug,
      tenantRoles: account.tenantRole ? [account.tenantRole] : [],
    });
    const password = generateToken(10);
    const passwordHash = await hashPassword(password);
    await withoutTenant(db, (tx) =>
      tx
        .update(users)
        .set({ passwordHash, passwordChangedAt: new Date() })
        .where(eq(users.id, user.id)),
    );
    created.push({ ...account, password });
  }

  return created;
}
