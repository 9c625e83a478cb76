import { createEffect, createMemo, createResource, createSignal } from 'solid-js';

import type { ApiClient, Me, Tenant } from '../api/client.ts';

const requestedKey = 'admin.requestedTenant';
const lastTenantKey = (userId: string) => `admin.lastTenant.${userId}`;

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/**
 * Keeps `?tenant=<slug>` from the first URL, which a unit's `/admin` redirect adds, until the
 * user has signed in and the portal list is known. Call once, before the router rewrites the URL.
 */
export function rememberRequestedTenant(location: Location = window.location) {
  const slug = new URLSearchParams(location.search).get('tenant');
  if (slug && /^[a-z0-9-]{1,63}$/.test(slug)) {
    safely(() => sessionStorage.setItem(requestedKey, slug), undefined);
  }
}

/** Lower-cases and strips Vietnamese diacritics, so "an toan" finds "An toàn". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export function matchesTenant(tenant: Tenant, query: string): boolean {
  const folded = foldForSearch(query.trim());
  if (!folded) {
    return true;
  }
  return [tenant.nameVi, tenant.nameEn ?? '', tenant.slug].some((text) =>
    foldForSearch(text).includes(folded),
  );
}

/** Picks the portal to open: the one a link asked for, the last one used, else the first listed. */
export function chooseTenant(
  tenants: readonly Tenant[],
  requestedSlug: string | null,
  lastTenantId: string | null,
): Tenant | undefined {
  return (
    tenants.find((tenant) => tenant.slug === requestedSlug) ??
    tenants.find((tenant) => tenant.id === lastTenantId) ??
    tenants[0]
  );
}

/**
 * Creates the store of the portal the admin works on: the list comes from `GET /tenants`
 * (every portal for the board), and the choice is remembered per user in localStorage.
 */
export function createTenantScope(api: () => ApiClient, me: () => Me | undefined) {
  const userId = () => me()?.user.id;
  const [tenants, { refetch }] = createResource(userId, async () => {
    const result = await api().call(api().client.GET('/tenants'));
    return result.tenants;
  });
  const [chosenId, setChosenId] = createSignal<string | undefined>();
  // Reading a resource that failed throws; the shell shows `tenants.error` instead.
  const loaded = () => (tenants.error ? undefined : tenants());

  const select = (tenantId: string) => {
    setChosenId(tenantId);
    const user = userId();
    if (user) {
      safely(() => localStorage.setItem(lastTenantKey(user), tenantId), undefined);
    }
  };

  createEffect(() => {
    const available = loaded();
    const user = userId();
    if (!available || !user || available.some((tenant) => tenant.id === chosenId())) {
      return;
    }
    const requested = safely(() => sessionStorage.getItem(requestedKey), null);
    const last = safely(() => localStorage.getItem(lastTenantKey(user)), null);
    const chosen = chooseTenant(available, requested, last);
    safely(() => sessionStorage.removeItem(requestedKey), undefined);
    if (chosen) {
      select(chosen.id);
    }
  });

  const current = createMemo(() => loaded()?.find((tenant) => tenant.id === chosenId()));

  return { tenants, list: loaded, current, select, refetch };
}

export type TenantScope = ReturnType<typeof createTenantScope>;
