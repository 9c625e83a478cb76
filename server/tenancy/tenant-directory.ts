import { asc, eq } from 'drizzle-orm';

import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import {
  tenantDomains,
  tenants,
  type TenantOperator,
  type TenantTheme,
} from '../db/schema/index.ts';

/** A portal as the request pipeline uses it. */
export type ResolvedTenant = {
  id: string;
  slug: string;
  kind: 'main' | 'hosted' | 'independent';
  status: 'active' | 'suspended';
  nameVi: string;
  nameEn: string | null;
  abbreviation: string;
  descriptionVi: string;
  descriptionEn: string | null;
  externalUrl: string | null;
  theme: TenantTheme;
  operator: TenantOperator;
  sortOrder: number;
  canonicalHost: string;
};

export type HostMatch = { tenant: ResolvedTenant; isCanonical: boolean };

type Snapshot = {
  byHost: Map<string, HostMatch>;
  tenants: ResolvedTenant[];
  loadedAt: number;
};

export type TenantDirectoryOptions = {
  /** How long a loaded snapshot is trusted before the next lookup reloads it. */
  maxAgeMs?: number;
  now?: () => number;
};

/**
 * An in-memory copy of every tenant and hostname, so resolving a host costs no query.
 *
 * The whole table is loaded at once, so an unknown host costs no query either. It is
 * reloaded after `invalidate()` (the tenant sync calls it) or once it is older than `maxAgeMs`,
 * so a change made by another instance shows within that time.
 */
export class TenantDirectory {
  readonly #db: Db;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  #snapshot: Snapshot | null = null;
  #loading: Promise<Snapshot> | null = null;

  constructor(db: Db, options: TenantDirectoryOptions = {}) {
    this.#db = db;
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  async findByHost(hostname: string): Promise<HostMatch | null> {
    const snapshot = await this.#current();

    return snapshot.byHost.get(hostname) ?? null;
  }

  /** Lists every tenant, ordered for the directory of member portals. */
  async list(): Promise<ResolvedTenant[]> {
    return (await this.#current()).tenants;
  }

  invalidate(): void {
    this.#snapshot = null;
  }

  async #current(): Promise<Snapshot> {
    const snapshot = this.#snapshot;
    if (snapshot && this.#now() - snapshot.loadedAt < this.#maxAgeMs) {
      return snapshot;
    }
    // Concurrent lookups during a reload share one query.
    this.#loading ??= this.#load().finally(() => {
      this.#loading = null;
    });
    this.#snapshot = await this.#loading;

    return this.#snapshot;
  }

  async #load(): Promise<Snapshot> {
    const rows = await withoutTenant(this.#db, (tx) =>
      tx
        .select({ tenant: tenants, domain: tenantDomains })
        .from(tenants)
        .innerJoin(tenantDomains, eq(tenantDomains.tenantId, tenants.id))
        .orderBy(asc(tenants.sortOrder), asc(tenants.slug), asc(tenantDomains.hostname)),
    );

    const byId = new Map<string, ResolvedTenant>();
    for (const { tenant, domain } of rows) {
      if (domain.isCanonical) {
        const { createdAt: _created, updatedAt: _updated, ...fields } = tenant;
        byId.set(tenant.id, { ...fields, canonicalHost: domain.hostname });
      }
    }
    const byHost = new Map<string, HostMatch>();
    for (const { domain } of rows) {
      const tenant = byId.get(domain.tenantId);
      if (tenant) {
        byHost.set(domain.hostname, {
          tenant,
          isCanonical: domain.isCanonical,
        });
      }
    }

    return { byHost, tenants: [...byId.values()], loadedAt: this.#now() };
  }
}
