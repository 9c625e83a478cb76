import { asc, inArray } from 'drizzle-orm';

import type { Actor } from '../access/can.ts';
import type { TenantRef } from '../access/context.ts';
import { withPlatform } from '../access/platform.ts';
import { tenants } from '../db/schema/index.ts';
import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import { complianceOf, loadFindings, usersWithRoles } from './compliance-findings.ts';
import { boardMembersWithoutSecondFactor } from './compliance-queries.ts';
import type { OverrideStatus, PolicyDefaults } from './registry.ts';

export type UserWithoutSecondFactor = { userId: string; displayName: string; roles: string[] };

/** The findings of one portal under the policies in force for it. */
export type TenantCompliance = {
  tenant: { id: string; slug: string; kind: string; nameVi: string };
  missingCategories: { key: string; nameVi: string; nameEn: string }[];
  missingOperatorFields: string[];
  overdueItems: {
    id: string;
    type: string;
    slug: string;
    titleVi: string | null;
    status: string;
    dueAt: string;
    hoursOverdue: number;
  }[];
  pendingReviews: {
    id: string;
    type: string;
    slug: string;
    titleVi: string | null;
    status: string;
    waitingSince: string;
    hoursWaiting: number;
  }[];
  overdueFeedback: {
    id: string;
    kind: string;
    subject: string;
    status: string;
    receivedAt: string;
    dueAt: string;
    daysOverdue: number;
    receivedByTenantId: string;
  }[];
  stalePages: {
    id: string;
    slug: string;
    titleVi: string | null;
    updatedAt: string;
    daysSinceUpdate: number;
  }[];
  usersWithoutSecondFactor: UserWithoutSecondFactor[];
  overrides: { key: string; value: unknown; status: OverrideStatus; problem: string | null }[];
  counts: ComplianceCounts;
};

export type ComplianceCounts = {
  missingCategories: number;
  missingOperatorFields: number;
  overdueItems: number;
  pendingReviews: number;
  overdueFeedback: number;
  stalePages: number;
  usersWithoutSecondFactor: number;
  overridesInForce: number;
  /** Everything that breaks a policy; waiting reviews and overrides are not findings. */
  findings: number;
};

export type ComplianceOverview = {
  generatedAt: string;
  tenants: TenantCompliance[];
  /** Board members without a second factor; only in the board's overview of every portal. */
  board: { usersWithoutSecondFactor: UserWithoutSecondFactor[] } | null;
};

export type ComplianceOptions = {
  now?: Date;
  /** Defaults the environment sets, such as the second-factor roles. */
  defaults?: PolicyDefaults;
};

async function tenantRows(tx: Tx, tenantIds?: string[]) {
  return tx
    .select()
    .from(tenants)
    .where(tenantIds ? inArray(tenants.id, tenantIds) : undefined)
    .orderBy(asc(tenants.sortOrder), asc(tenants.slug));
}

/**
 * Builds the compliance overview of one portal, for its own staff or the board. The caller has
 * checked `compliance.read` on the tenant.
 */
export async function tenantCompliance(
  db: Db,
  tenant: TenantRef,
  options: ComplianceOptions = {},
): Promise<ComplianceOverview> {
  const now = options.now ?? new Date();

  return withTenant(db, tenant.id, async (tx) => {
    const portals = await tenantRows(tx, [tenant.id]);
    const { loaded } = await loadFindings(tx, portals, now, options.defaults ?? {});

    return {
      generatedAt: now.toISOString(),
      tenants: portals.map((portal) => complianceOf(portal, loaded, now)),
      board: null,
    };
  });
}

/** Builds the compliance overview of every portal and of the board, for the board. */
export async function platformCompliance(
  db: Db,
  actor: Actor,
  options: ComplianceOptions = {},
): Promise<ComplianceOverview> {
  const now = options.now ?? new Date();

  return withPlatform(db, actor, 'compliance.read', async (tx) => {
    const portals = await tenantRows(tx);
    if (portals.length === 0) {
      return {
        generatedAt: now.toISOString(),
        tenants: [],
        board: { usersWithoutSecondFactor: [] },
      };
    }
    const { loaded, secondFactorRoles } = await loadFindings(
      tx,
      portals,
      now,
      options.defaults ?? {},
    );
    const boardUsers = await boardMembersWithoutSecondFactor(tx, secondFactorRoles);

    return {
      generatedAt: now.toISOString(),
      tenants: portals.map((portal) => complianceOf(portal, loaded, now)),
      board: { usersWithoutSecondFactor: usersWithRoles(boardUsers) },
    };
  });
}

export const complianceSortKeys = [
  'tenant',
  'findings',
  'missingCategories',
  'missingOperatorFields',
  'overdueItems',
  'pendingReviews',
  'overdueFeedback',
  'stalePages',
  'usersWithoutSecondFactor',
  'overridesInForce',
] as const;

export type ComplianceSortKey = (typeof complianceSortKeys)[number];

/**
 * Orders the portals of an overview: by the portal order, or by a count, largest first unless
 * `order` is `asc`. Ties keep the portal order.
 */
export function sortCompliance(
  entries: readonly TenantCompliance[],
  sort: ComplianceSortKey = 'tenant',
  order?: 'asc' | 'desc',
): TenantCompliance[] {
  if (sort === 'tenant') {
    return order === 'desc' ? [...entries].reverse() : [...entries];
  }
  const sign = order === 'asc' ? 1 : -1;

  return [...entries].sort((a, b) => sign * (a.counts[sort] - b.counts[sort]));
}
