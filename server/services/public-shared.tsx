import type { Context } from 'hono';
import type { Child } from 'hono/jsx';

import type { AppEnv } from '../app-env.ts';
import type { TenantDirectory } from '../tenancy/tenant-directory.ts';
import { servicesStylesheet } from './paths.ts';
import type { UnitRef } from './statistics.ts';

/**
 * Puts the services stylesheet before a page's content. The layout's head takes no extra
 * stylesheet, and `rel="stylesheet"` is one of the links HTML allows in the body.
 */
export function withStylesheet(body: Child) {
  return (
    <>
      <link rel="stylesheet" href={servicesStylesheet.path} />
      {body}
    </>
  );
}

/** The units whose services and dossiers a portal shows: all active ones on the main portal. */
export async function unitsOf(c: Context<AppEnv>, directory: TenantDirectory): Promise<UnitRef[]> {
  const { tenant } = c.var;
  if (tenant.kind !== 'main') {
    return [{ id: tenant.id, slug: tenant.slug, nameVi: tenant.nameVi }];
  }

  return (await directory.list())
    .filter((unit) => unit.status === 'active' && unit.kind !== 'independent')
    .map((unit) => ({ id: unit.id, slug: unit.slug, nameVi: unit.nameVi }));
}
