import { and, asc, eq, ne } from 'drizzle-orm';

import { services, tenants } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import type { ServiceRow } from './catalogue.ts';
import { readServiceDetails, type ServiceDetails } from './service-schemas.ts';
import { foldVietnamese, matchesAllWords } from './vietnamese-text.ts';

/** A published service as public pages show it: an allow-list of its fields. */
export type PublicService = {
  code: string;
  nameVi: string;
  nameEn: string | null;
  procedureName: string;
  provision: 'full' | 'partial';
  legacyLevel: number | null;
  field: string;
  agency: string;
  fees: string | null;
  processingDays: number;
  requiredDocuments: string[];
  howToApply: string | null;
  externalUrl: string | null;
  details: Omit<ServiceDetails, 'nationalTargets'>;
  updatedAt: Date;
  unit: { slug: string; nameVi: string };
};

function presentPublicService(row: ServiceRow, unit: { slug: string; nameVi: string }) {
  const details = readServiceDetails(row.details);
  const service: PublicService = {
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    procedureName: row.procedureName,
    provision: row.provision,
    legacyLevel: row.legacyLevel,
    field: row.field,
    agency: row.agency,
    fees: row.fees,
    processingDays: row.processingDays,
    requiredDocuments: row.requiredDocuments,
    howToApply: row.howToApply,
    externalUrl: row.externalUrl,
    details: {
      steps: details.steps,
      submissionModes: details.submissionModes,
      returnModes: details.returnModes,
      targetApplicants: details.targetApplicants,
      result: details.result,
      conditions: details.conditions,
      forms: details.forms,
      legalBasis: details.legalBasis,
      publishingDecision: details.publishingDecision,
    },
    updatedAt: row.updatedAt,
    unit,
  };

  return service;
}

function publishedOfActiveUnits() {
  return and(
    eq(services.isPublished, true),
    eq(tenants.status, 'active'),
    ne(tenants.kind, 'independent'),
  );
}

/**
 * Lists published services in display order. Without `tenantId` it lists every active unit's,
 * which the public read policy allows in any tenant's scope; the main portal's catalogue does
 * this. With `tenantId` it lists that unit's only.
 */
export async function listPublishedServices(
  tx: Tx,
  options: { tenantId?: string } = {},
): Promise<PublicService[]> {
  const condition = options.tenantId
    ? and(publishedOfActiveUnits(), eq(services.tenantId, options.tenantId))
    : publishedOfActiveUnits();
  const rows = await tx
    .select({ service: services, unit: { slug: tenants.slug, nameVi: tenants.nameVi } })
    .from(services)
    .innerJoin(tenants, eq(tenants.id, services.tenantId))
    .where(condition)
    .orderBy(asc(tenants.sortOrder), asc(services.field), asc(services.nameVi));

  return rows.map(({ service, unit }) => presentPublicService(service, unit));
}

/** Finds one published service by its unit's slug and its code, or returns null. */
export async function findPublishedService(
  tx: Tx,
  unitSlug: string,
  code: string,
): Promise<PublicService | null> {
  const [row] = await tx
    .select({ service: services, unit: { slug: tenants.slug, nameVi: tenants.nameVi } })
    .from(services)
    .innerJoin(tenants, eq(tenants.id, services.tenantId))
    .where(and(publishedOfActiveUnits(), eq(tenants.slug, unitSlug), eq(services.code, code)));

  return row ? presentPublicService(row.service, row.unit) : null;
}

export type CatalogueFilters = {
  query?: string | undefined;
  unitSlug?: string | undefined;
  field?: string | undefined;
  provision?: 'full' | 'partial' | undefined;
};

/**
 * Filters a catalogue in memory. The search ignores case and Vietnamese marks on both sides
 * (see `foldVietnamese`) and looks in the name, the English name, the procedure name and the
 * code. A catalogue has hundreds of services, not millions, so no index is needed.
 */
export function filterCatalogue(
  entries: readonly PublicService[],
  filters: CatalogueFilters,
): PublicService[] {
  const field = filters.field ? foldVietnamese(filters.field) : undefined;

  return entries.filter(
    (entry) =>
      (!filters.unitSlug || entry.unit.slug === filters.unitSlug) &&
      (!field || foldVietnamese(entry.field) === field) &&
      (!filters.provision || entry.provision === filters.provision) &&
      (!filters.query ||
        matchesAllWords(filters.query, [
          entry.nameVi,
          entry.nameEn,
          entry.procedureName,
          entry.code,
        ])),
  );
}

/** Returns the units and fields a catalogue contains, for its filter menus. */
export function catalogueFacets(entries: readonly PublicService[]) {
  const units = new Map<string, string>();
  const fields = new Map<string, string>();
  for (const entry of entries) {
    units.set(entry.unit.slug, entry.unit.nameVi);
    fields.set(foldVietnamese(entry.field), entry.field);
  }

  return {
    units: [...units].map(([slug, nameVi]) => ({ slug, nameVi })),
    fields: [...fields.values()].sort((a, b) => a.localeCompare(b, 'vi')),
  };
}
