import { sql } from 'drizzle-orm';
import {
  boolean,
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

export const contentTypes = [
  'page',
  'article',
  'announcement',
  'legal_document',
  'draft_for_comment',
  'work_schedule',
  'procurement_notice',
  'statistics_report',
] as const;
export type ContentType = (typeof contentTypes)[number];

export const workflowStates = [
  'draft',
  'submitted',
  'received',
  'classified',
  'editing',
  'in_review',
  'escalated',
  'approved',
  'scheduled',
  'published',
  'updated',
  'unpublish_requested',
  'unpublished',
  'archived',
  'returned',
] as const;
export type WorkflowState = (typeof workflowStates)[number];

/** The rule that counts a category's publication deadline from its starting point. */
export type DeadlineRule = {
  amount: number;
  unit: 'working_days' | 'working_hours';
  /** `signing`: from the document's issue date; `submission`: from when it was submitted. */
  from: 'signing' | 'submission';
};

/** Categories of one portal, as a tree. */
export const categories = pgTable(
  'categories',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    parentId: uuid('parent_id'),
    slug: text('slug').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    /** The template this category came from, e.g. `legal-documents`; null for a unit's own. */
    templateKey: text('template_key'),
    /** Standing information stays online and is updated in place rather than dated. */
    isStanding: boolean('is_standing').notNull().default(false),
    deadline: jsonb('deadline').$type<DeadlineRule | null>(),
    sortOrder: integer('sort_order').notNull().default(100),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('categories_slug_key').on(t.tenantId, t.slug),
    foreignKey({
      name: 'categories_parent_fk',
      columns: [t.tenantId, t.parentId],
      foreignColumns: [t.tenantId, t.id],
    }),
    pgPolicy('categories_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('categories_platform_read', { for: 'select', to: portalApp, using: isPlatformScope }),
  ],
);

/** The sender of an item a unit supplied to the main portal, since the unit is accountable for it. */
export type Provenance = {
  senderName: string;
  senderTitle: string;
  senderEmail?: string;
  senderPhone?: string;
  purpose: string;
  /** The unit's own item this was offered from, when it was syndicated. */
  sourceItemId?: string;
};

/**
 * A piece of content of one portal. Its text lives in immutable revisions: the item points at
 * the latest draft revision and at the revision that is live on the public site, so a newer
 * draft never shows before it is published.
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
    status: text('status').$type<WorkflowState>().notNull().default('draft'),
    categoryId: uuid('category_id'),
    currentRevisionId: uuid('current_revision_id'),
    publishedRevisionId: uuid('published_revision_id'),
    /** The unit that supplied the item, for submissions to the main portal. */
    sourceTenantId: uuid('source_tenant_id'),
    provenance: jsonb('provenance').$type<Provenance | null>(),
    /** Unclear or sensitive: a board member or the head must approve before publication. */
    isSensitive: boolean('is_sensitive').notNull().default(false),
    escalationApprovedBy: uuid('escalation_approved_by'),
    assignedEditorId: uuid('assigned_editor_id'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    unpublishAt: timestamp('unpublish_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('content_items_slug_key').on(t.tenantId, t.type, t.slug),
    index('content_items_published_idx').on(t.tenantId, t.type, t.publishedAt.desc()),
    index('content_items_status_idx').on(t.tenantId, t.status, t.dueAt),
    index('content_items_source_idx').on(t.sourceTenantId),
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
    // A unit can read what it sent to the main portal, and no other unit can.
    pgPolicy('content_items_source_read', {
      for: 'select',
      to: portalApp,
      using: sql`${t.sourceTenantId} = app.current_tenant()`,
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
    /** The revision this one was edited from; null for the first. */
    basedOnRevisionId: uuid('based_on_revision_id'),
    /** Copied from the item, so the unit that supplied it can read its revisions. */
    sourceTenantId: uuid('source_tenant_id'),
    createdBy: uuid('created_by'),
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
    pgPolicy('content_revisions_source_read', {
      for: 'select',
      to: portalApp,
      using: sql`${t.sourceTenantId} = app.current_tenant()`,
    }),
  ],
);

/** Every workflow transition of an item: who moved it, when, from where to where, and why. */
export const workflowEvents = pgTable(
  'workflow_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state').$type<WorkflowState>(),
    toState: text('to_state').$type<WorkflowState>().notNull(),
    actorUserId: uuid('actor_user_id'),
    note: text('note'),
    revisionId: uuid('revision_id'),
    sourceTenantId: uuid('source_tenant_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('workflow_events_item_idx').on(t.tenantId, t.itemId, t.occurredAt),
    pgPolicy('workflow_events_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('workflow_events_platform_read', {
      for: 'select',
      to: portalApp,
      using: isPlatformScope,
    }),
    pgPolicy('workflow_events_source_read', {
      for: 'select',
      to: portalApp,
      using: sql`${t.sourceTenantId} = app.current_tenant()`,
    }),
  ],
);

/** The old slugs of published items, which redirect to the current one. */
export const slugRedirects = pgTable(
  'slug_redirects',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    type: text('type').$type<ContentType>().notNull(),
    oldSlug: text('old_slug').notNull(),
    itemId: uuid('item_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.type, t.oldSlug] }),
    pgPolicy('slug_redirects_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
  ],
);

/** Expiring links with which staff preview a draft on the portal's own host. */
export const previewLinks = pgTable(
  'preview_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    itemId: uuid('item_id').notNull(),
    revisionId: uuid('revision_id').notNull(),
    createdBy: uuid('created_by'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    pgPolicy('preview_links_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
  ],
);
