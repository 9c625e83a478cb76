import { flattenTemplates } from '../content/category-templates.ts';
import type { tenants } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import type { ComplianceCounts, TenantCompliance } from './compliance.ts';
import {
  livePagesChangedBefore,
  membersWithoutSecondFactor,
  overdueFeedback,
  overdueItems,
  overridesOf,
  pendingReviews,
  templateKeysByTenant,
} from './compliance-queries.ts';
import { missingOperatorFields } from './operator.ts';
import {
  loadSettings,
  resolvePolicies,
  type PolicyDefaults,
  type ResolvedPolicies,
} from './registry.ts';

// The checks of the compliance overview: every tenant's rows are loaded at once, then each
// portal's findings are assembled from them.

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

export type TenantRow = typeof tenants.$inferSelect;

const templateNames = new Map(flattenTemplates().map((template) => [template.key, template]));

function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row)) ?? [];
    group.push(row);
    groups.set(keyOf(row), group);
  }

  return groups;
}

export function usersWithRoles(
  rows: readonly { userId: string; displayName: string; role: string }[],
) {
  return [...groupBy(rows, (row) => row.userId).values()].map((group) => ({
    userId: group[0]!.userId,
    displayName: group[0]!.displayName,
    roles: group.map((row) => row.role).sort(),
  }));
}

function countsOf(entry: Omit<TenantCompliance, 'counts'>): ComplianceCounts {
  const counts = {
    missingCategories: entry.missingCategories.length,
    missingOperatorFields: entry.missingOperatorFields.length,
    overdueItems: entry.overdueItems.length,
    overdueFeedback: entry.overdueFeedback.length,
    stalePages: entry.stalePages.length,
    usersWithoutSecondFactor: entry.usersWithoutSecondFactor.length,
  };
  const findings = Object.values(counts).reduce((sum, value) => sum + value, 0);

  return {
    ...counts,
    pendingReviews: entry.pendingReviews.length,
    overridesInForce: entry.overrides.filter((override) => override.status === 'in_force').length,
    findings,
  };
}

type Loaded = {
  policies: Map<string, ResolvedPolicies>;
  templateKeys: Map<string, string[]>;
  overdue: Awaited<ReturnType<typeof overdueItems>>;
  reviews: Awaited<ReturnType<typeof pendingReviews>>;
  feedback: Awaited<ReturnType<typeof overdueFeedback>>;
  pages: Awaited<ReturnType<typeof livePagesChangedBefore>>;
  members: Awaited<ReturnType<typeof membersWithoutSecondFactor>>;
};

/** Loads what the checks need for every tenant at once, in the same few queries for any number. */
export async function loadFindings(
  tx: Tx,
  portals: TenantRow[],
  now: Date,
  defaults: PolicyDefaults,
) {
  const ids = portals.map((portal) => portal.id);
  const settings = await loadSettings(tx);
  const overrides = groupBy(await overridesOf(tx, ids), (row) => row.tenantId);
  const policies = new Map(
    ids.map((id) => [id, resolvePolicies(settings, overrides.get(id) ?? [], defaults)]),
  );
  const boardPolicies = resolvePolicies(settings, [], defaults);
  // Pages are fetched past the shortest threshold of any tenant; each tenant's own applies later.
  const shortestStaleDays = Math.min(
    ...[...policies.values()].map((resolved) => resolved['content.stale_page_days'].value),
  );
  const keys = groupBy(await templateKeysByTenant(tx, ids), (row) => row.tenantId);
  const secondFactorRoles = boardPolicies['security.second_factor_roles'].value;

  const loaded: Loaded = {
    policies,
    templateKeys: new Map([...keys].map(([id, rows]) => [id, rows.map((row) => row.templateKey!)])),
    overdue: await overdueItems(tx, ids, now),
    reviews: await pendingReviews(tx, ids),
    feedback: await overdueFeedback(tx, ids, now),
    pages: await livePagesChangedBefore(
      tx,
      ids,
      new Date(now.getTime() - shortestStaleDays * dayMs),
    ),
    members: await membersWithoutSecondFactor(tx, ids, secondFactorRoles),
  };

  return { loaded, secondFactorRoles };
}

export function complianceOf(portal: TenantRow, loaded: Loaded, now: Date): TenantCompliance {
  const policies = loaded.policies.get(portal.id)!;
  const present = new Set(loaded.templateKeys.get(portal.id) ?? []);
  const staleBefore = now.getTime() - policies['content.stale_page_days'].value * dayMs;
  const ofTenant = <T extends { tenantId: string }>(rows: T[]) =>
    rows.filter((row) => row.tenantId === portal.id);

  const entry: Omit<TenantCompliance, 'counts'> = {
    tenant: { id: portal.id, slug: portal.slug, kind: portal.kind, nameVi: portal.nameVi },
    missingCategories: policies['content.required_categories'].value
      .filter((key) => !present.has(key))
      .map((key) => ({
        key,
        nameVi: templateNames.get(key)?.nameVi ?? key,
        nameEn: templateNames.get(key)?.nameEn ?? key,
      })),
    missingOperatorFields: missingOperatorFields(
      portal,
      policies['site.required_operator_fields'].value,
    ),
    overdueItems: ofTenant(loaded.overdue).map((row) => ({
      id: row.id,
      type: row.type,
      slug: row.slug,
      titleVi: row.titleVi,
      status: row.status,
      dueAt: row.dueAt!.toISOString(),
      hoursOverdue: Math.floor((now.getTime() - row.dueAt!.getTime()) / hourMs),
    })),
    pendingReviews: ofTenant(loaded.reviews).map((row) => {
      const since = row.enteredQueueAt ?? row.createdAt;
      return {
        id: row.id,
        type: row.type,
        slug: row.slug,
        titleVi: row.titleVi,
        status: row.status,
        waitingSince: since.toISOString(),
        hoursWaiting: Math.floor((now.getTime() - since.getTime()) / hourMs),
      };
    }),
    overdueFeedback: loaded.feedback
      .filter((row) => row.responsibleTenantId === portal.id)
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        subject: row.subject,
        status: row.status,
        receivedAt: row.receivedAt.toISOString(),
        dueAt: row.dueAt!.toISOString(),
        daysOverdue: Math.floor((now.getTime() - row.dueAt!.getTime()) / dayMs),
        receivedByTenantId: row.receivedByTenantId,
      })),
    stalePages: ofTenant(loaded.pages)
      .filter((row) => row.updatedAt.getTime() < staleBefore)
      .map((row) => ({
        id: row.id,
        slug: row.slug,
        titleVi: row.titleVi,
        updatedAt: row.updatedAt.toISOString(),
        daysSinceUpdate: Math.floor((now.getTime() - row.updatedAt.getTime()) / dayMs),
      })),
    usersWithoutSecondFactor: usersWithRoles(ofTenant(loaded.members)),
    overrides: Object.values(policies).flatMap((resolved) =>
      resolved.override
        ? [
            {
              key: resolved.key,
              value: resolved.override.value,
              status: resolved.override.status,
              problem: resolved.override.problem,
            },
          ]
        : [],
    ),
  };

  return { ...entry, counts: countsOf(entry) };
}
