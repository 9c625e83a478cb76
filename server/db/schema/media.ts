import {
  bigint,
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

/** A stored rendition of an image at one width and format. */
export type MediaVariant = {
  width: number;
  height: number;
  format: 'webp' | 'jpeg' | 'png' | 'gif' | 'avif';
  objectKey: string;
  sizeBytes: number;
};

/** Uploaded files of one portal. Identical content is stored once per tenant. */
export const media = pgTable(
  'media',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    /** Generated as `<tenant>/<yyyy>/<uuid>.<ext>`, never taken from the file name. */
    objectKey: text('object_key').notNull(),
    originalName: text('original_name').notNull(),
    /** Detected from the bytes, not taken from the client. */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width'),
    height: integer('height'),
    altVi: text('alt_vi'),
    altEn: text('alt_en'),
    variants: jsonb('variants').$type<MediaVariant[]>().notNull().default([]),
    uploadedBy: uuid('uploaded_by'),
    /**
     * Files the public sent with feedback. They are kept out of the library, the public media
     * routes and content, and only the staff handling the case can download them.
     */
    isPrivate: boolean('is_private').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // A private file never doubles as a library file with the same bytes, nor the reverse.
    uniqueIndex('media_sha256_key').on(t.tenantId, t.isPrivate, t.sha256),
    index('media_created_idx').on(t.tenantId, t.createdAt.desc()),
    pgPolicy('media_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
    pgPolicy('media_platform_read', { for: 'select', to: portalApp, using: isPlatformScope }),
  ],
);

/** Which content items use which media, kept up to date when an item is saved. */
export const mediaUsages = pgTable(
  'media_usages',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    mediaId: uuid('media_id').notNull(),
    itemId: uuid('item_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.mediaId, t.itemId] }),
    index('media_usages_item_idx').on(t.tenantId, t.itemId),
    pgPolicy('media_usages_tenant_isolation', {
      for: 'all',
      to: portalApp,
      using: isCurrentTenant(t.tenantId),
      withCheck: isCurrentTenant(t.tenantId),
    }),
  ],
);
