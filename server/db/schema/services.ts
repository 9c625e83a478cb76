import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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

/**
 * Online public services a unit provides. Published services are public information, which
 * the main portal's one-stop catalogue lists across all units, hence the public read policy.
 */
export const services = pgTable(
  'services',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    procedureName: text('procedure_name').notNull(),
    /** Full-process (toàn trình) or partial (một phần) online provision. */
    provision: text('provision', { enum: ['full', 'partial'] }).notNull(),
    /** The older levels 1–4, kept for historical data. */
    legacyLevel: integer('legacy_level'),
    field: text('field').notNull(),
    agency: text('agency').notNull(),
    fees: text('fees'),
    processingDays: integer('processing_days').notNull(),
    requiredDocuments: jsonb('required_documents').$type<string[]>().notNull().default([]),
    howToApply: text('how_to_apply'),
    /** Where the unit's own system takes applications. */
    externalUrl: text('external_url'),
    details: jsonb('details')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    isPublished: boolean('is_published').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('services_code_key').on(t.tenantId, t.code),
    index('services_published_idx').on(t.isPublished, t.field),
    pgPolicy('services_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('services_public_read', {
      for: 'select',
      to: portalApp,
      using: sql`${t.isPublished}`,
    }),
    pgPolicy('services_platform_read', { for: 'select', to: portalApp, using: isPlatformScope }),
  ],
);

export const dossierStates = [
  'received',
  'in_processing',
  'additional_documents_requested',
  'paused',
  'done_on_time',
  'done_late',
  'rejected',
  'returned',
] as const;
export type DossierState = (typeof dossierStates)[number];

/** Applications for a service (hồ sơ), with the applicant's data visible to handling staff only. */
export const dossiers = pgTable(
  'dossiers',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    serviceId: uuid('service_id').notNull(),
    /** The code the applicant was given; unique within the unit. */
    code: text('code').notNull(),
    applicantName: text('applicant_name'),
    applicantPhone: text('applicant_phone'),
    applicantEmail: text('applicant_email'),
    applicantIdNumber: text('applicant_id_number'),
    /** The hash of the second factor of the public lookup (e.g. the phone's last digits). */
    lookupSecretHash: text('lookup_secret_hash').notNull(),
    status: text('status').$type<DossierState>().notNull().default('received'),
    receivedOn: date('received_on').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    source: text('source', { enum: ['admin', 'inbound'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('dossiers_code_key').on(t.tenantId, t.code),
    index('dossiers_service_idx').on(t.tenantId, t.serviceId, t.receivedOn),
    pgPolicy('dossiers_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('dossiers_platform_read', { for: 'select', to: portalApp, using: isPlatformScope }),
  ],
);

/** The status history of a dossier; `event_id` makes inbound calls idempotent. */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    /** The caller's id for this event; one event id is recorded once per tenant. */
    eventId: text('event_id').notNull(),
    status: text('status').$type<DossierState>().notNull(),
    note: text('note'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('dossier_events_event_key').on(t.tenantId, t.eventId),
    index('dossier_events_dossier_idx').on(t.tenantId, t.dossierId, t.occurredAt),
    pgPolicy('dossier_events_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('dossier_events_platform_read', {
      for: 'select',
      to: portalApp,
      using: isPlatformScope,
    }),
  ],
);

/**
 * Tokens with which a unit's own processing system calls the inbound API. Global, since the
 * token is checked before the tenant is known; only the SHA-256 is stored.
 */
export const integrationTokens = pgTable(
  'integration_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('integration_tokens_hash_key').on(t.tokenHash)],
);
