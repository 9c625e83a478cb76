import type { Actor, Resource } from './can.ts';

/** A portal as permission checks and commands need it. */
export type TenantRef = { id: string; slug: string; kind: 'main' | 'hosted' | 'independent' };

/** Who takes an action and from where, for permission checks and the audit log. */
export type ActingContext = {
  actor: Actor;
  ipAddress: string | null;
  requestId: string;
};

export function tenantResource(tenant: TenantRef): Resource {
  return { kind: 'tenant', tenantId: tenant.id, tenantKind: tenant.kind };
}
