import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Operator details shown in the footer of every public page of a portal. */
export type TenantOperator = {
  agency: { vi: string; en?: string };
  responsiblePerson: string;
  responsibleTitle?: { vi: string; en?: string };
  address: { vi: string; en?: string };
  phone: string;
  fax?: string;
  email: string;
};

export type TenantTheme = { primaryColor: string };

/**
 * Every portal of the platform. Global, not tenant-scoped: the host of a request is resolved
 * against it before any tenant is known, so `portal_app` may read it but never write it.
 */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: ['main', 'hosted', 'independent'] }).notNull(),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    abbreviation: text('abbreviation').notNull(),
    descriptionVi: text('description_vi').notNull(),
    descriptionEn: text('description_en'),
    externalUrl: text('external_url'),
    theme: jsonb('theme').$type<TenantTheme>().notNull(),
    operator: jsonb('operator').$type<TenantOperator>().notNull(),
    sortOrder: integer('sort_order').notNull().default(100),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tenants_slug_key').on(t.slug),
    uniqueIndex('tenants_one_main_key')
      .on(t.kind)
      .where(sql`${t.kind} = 'main'`),
    check(
      'tenants_external_url_check',
      sql`(${t.kind} = 'independent') = (${t.externalUrl} is not null)`,
    ),
  ],
);

/** Hostnames that reach a portal: exactly one canonical host per tenant, any number of aliases. */
export const tenantDomains = pgTable(
  'tenant_domains',
  {
    hostname: text('hostname').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    isCanonical: boolean('is_canonical').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tenant_domains_tenant_idx').on(t.tenantId),
    uniqueIndex('tenant_domains_one_canonical_key')
      .on(t.tenantId)
      .where(sql`${t.isCanonical}`),
    check('tenant_domains_hostname_check', sql`${t.hostname} = lower(${t.hostname})`),
  ],
);
