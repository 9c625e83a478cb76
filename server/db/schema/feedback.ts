import { sql } from 'drizzle-orm';
import {
  boolean,
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

export const feedbackStates = [
  'received',
  'classified',
  'forwarded',
  'answered',
  'published',
  'rejected',
  'merged',
] as const;
export type FeedbackState = (typeof feedbackStates)[number];

/**
 * Feedback and petitions (phản ánh, kiến nghị), and comments on drafts for public comment. A
 * case belongs to the portal that received it; once forwarded, the responsible unit
 * (`assigned_tenant_id`) may read and answer it while it stays visible to the receiver.
 */
export const feedbackCases = pgTable(
  'feedback_cases',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: ['feedback', 'petition', 'draft_comment'] }).notNull(),
    /** For a comment on a draft for public comment: the draft item. */
    draftItemId: uuid('draft_item_id'),
    /** The SHA-256 of the tracking code; the code itself is shown to the sender once. */
    trackingCodeHash: text('tracking_code_hash').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    topic: text('topic'),
    status: text('status').$type<FeedbackState>().notNull().default('received'),
    assignedTenantId: uuid('assigned_tenant_id'),
    /** Personal data, visible to handling staff only and removed after the retention period. */
    senderName: text('sender_name'),
    senderEmail: text('sender_email'),
    senderPhone: text('sender_phone'),
    senderOrganisation: text('sender_organisation'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    personalDataRemovedAt: timestamp('personal_data_removed_at', { withTimezone: true }),
    attachmentMediaIds: jsonb('attachment_media_ids').$type<string[]>().notNull().default([]),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    nextProgressDueAt: timestamp('next_progress_due_at', { withTimezone: true }),
    answerBody: text('answer_body'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    mergedIntoId: uuid('merged_into_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('feedback_cases_tracking_key').on(t.trackingCodeHash),
    index('feedback_cases_status_idx').on(t.tenantId, t.status, t.dueAt),
    index('feedback_cases_assigned_idx').on(t.assignedTenantId, t.status),
    index('feedback_cases_draft_idx').on(t.tenantId, t.draftItemId),
    pgPolicy('feedback_cases_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('feedback_cases_assigned_read', {
      for: 'select',
      to: portalApp,
      using: sql`${t.assignedTenantId} = app.current_tenant()`,
    }),
    pgPolicy('feedback_cases_assigned_update', {
      for: 'update',
      to: portalApp,
      using: sql`${t.assignedTenantId} = app.current_tenant()`,
      withCheck: sql`${t.assignedTenantId} = app.current_tenant()`,
    }),
    pgPolicy('feedback_cases_platform_read', {
      for: 'select',
      to: portalApp,
      using: isPlatformScope,
    }),
  ],
);

/** Every step of a case; `is_public` marks the progress notes the sender sees. */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state').$type<FeedbackState>(),
    toState: text('to_state').$type<FeedbackState>().notNull(),
    note: text('note'),
    isPublic: boolean('is_public').notNull().default(false),
    actorUserId: uuid('actor_user_id'),
    assignedTenantId: uuid('assigned_tenant_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('feedback_events_case_idx').on(t.tenantId, t.caseId, t.occurredAt),
    pgPolicy('feedback_events_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('feedback_events_assigned_read', {
      for: 'select',
      to: portalApp,
      using: sql`${t.assignedTenantId} = app.current_tenant()`,
    }),
    pgPolicy('feedback_events_assigned_insert', {
      for: 'insert',
      to: portalApp,
      withCheck: sql`${t.assignedTenantId} = app.current_tenant()`,
    }),
    pgPolicy('feedback_events_platform_read', {
      for: 'select',
      to: portalApp,
      using: isPlatformScope,
    }),
  ],
);

/**
 * Fixed-window counters for public rate limits (per client address, per email, per lookup),
 * kept in the database so they hold across instances.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  count: integer('count').notNull().default(0),
});

/** Proof-of-work challenges already used, so one solution cannot be replayed. */
export const usedChallenges = pgTable('used_challenges', {
  signature: text('signature').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
