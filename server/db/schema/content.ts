import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { isCurrentTenant, isPlatformScope, portalApp } from './roles.ts';
import { tenants } from './tenants.ts';

export const contentTypes = ['article', 'page'] as const;
export type ContentType = (typeof contentTypes)[number];

/**
 * A piece of content of one portal. Its text lives in immutable revisions; the item points at
 * the revision that is live on the public site, so a newer draft never shows before it is
 * published.
 */
export const contentItems = pgTable(
  'content_items',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    type: text('type').$type<ContentType>().notNull(),
    slug: text('slug').notNull(),
    status: text('status').notNull().default('draft'),
    publishedRevisionId: uuid('published_revision_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('content_items_slug_key').on(t.tenantId, t.type, t.slug),
    index('content_items_published_idx').on(t.tenantId, t.type, t.publishedAt.desc()),
    pgPolicy('content_items_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('content_items_platform_read', {
      for: 'select',
      to: portalApp,
      using: isPlatformScope,
    }),
  ],
);

/** One saved version of an item's text; rows are never updated once written. */
export const contentRevisions = pgTable(
  'content_revisions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    number: integer('number').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en'),
    leadVi: text('lead_vi'),
    leadEn: text('lead_en'),
    bodyVi: text('body_vi').notNull().default(''),
    bodyEn: text('body_en'),
    /** Fields that only some content types have, validated by the type's schema. */
    fields: jsonb('fields')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'content_revisions_item_fk',
      columns: [t.tenantId, t.itemId],
      foreignColumns: [contentItems.tenantId, contentItems.id],
    }).onDelete('cascade'),
    uniqueIndex('content_revisions_number_key').on(t.tenantId, t.itemId, t.number),
    pgPolicy('content_revisions_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('content_revisions_platform_read', {
      for: 'select',
      to: portalApp,
      using: isPlatformScope,
    }),
  ],
);
