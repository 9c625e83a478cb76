import { createHash } from 'node:crypto';

import { sql } from 'drizzle-orm';

import type { Db } from '../db/types.ts';

/** A rendered public page as the cache keeps it. */
export type CachedPage = {
  status: number;
  body: string;
  etag: string;
  contentType: string;
};

export type PageCacheOptions = {
  /** How many pages are kept; the least recently used are dropped first. */
  maxEntries?: number;
  /** How long a page is served from the cache, as a bound on staleness. */
  maxAgeMs?: number;
};

/**
 * Rendered public pages, kept per tenant, host and path. The tenant id is the first part of
 * every key, so two portals with the same path never share an entry, and invalidating a tenant
 * drops exactly its pages. Another instance's changes arrive through `invalidateTenant`, called
 * by the database notification listener.
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage & { storedAt: number }>();
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;

  constructor(options: PageCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 5_000;
    this.#maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  }

  static keyOf(tenantId: string, host: string, pathAndQuery: string): string {
    return `${tenantId}\u0000${host}\u0000${pathAndQuery}`;
  }

  static etagOf(body: string): string {
    return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.#entries.get(key);
    if (!entry) {
      return undefined;
    }
    if (Date.now() - entry.storedAt > this.#maxAgeMs) {
      this.#entries.delete(key);
      return undefined;
    }
    // Re-inserting moves the entry to the end, which keeps the map in recently-used order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);

    return entry;
  }

  set(key: string, page: CachedPage): void {
    this.#entries.delete(key);
    this.#entries.set(key, { ...page, storedAt: Date.now() });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.#entries.delete(oldest);
    }
  }

  /** Drops every cached page of one tenant. */
  invalidateTenant(tenantId: string): void {
    const prefix = `${tenantId}\u0000`;
    for (const key of this.#entries.keys()) {
      if (key.startsWith(prefix)) {
        this.#entries.delete(key);
      }
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** The channel on which instances tell each other that a tenant's public pages changed. */
export const pageCacheChannel = 'portal_page_cache';

/** Tells every instance listening on the database that a tenant's public pages changed. */
export async function notifyPublicChange(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${pageCacheChannel}, ${tenantId})`);
}
