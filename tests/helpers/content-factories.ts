import { randomBytes, randomUUID } from 'node:crypto';

import { and, eq } from 'drizzle-orm';

import { generateToken, hashToken } from '../../server/auth/tokens.ts';
import {
  categories,
  contentItems,
  contentRevisions,
  media,
  previewLinks,
  slugRedirects,
  type ContentType,
  type MediaVariant,
  type WorkflowState,
} from '../../server/db/schema/index.ts';
import { withTenant } from '../../server/db/tenant-scope.ts';
import type { Db } from '../../server/db/types.ts';

function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export type CreateCategoryOptions = {
  slug?: string;
  nameVi?: string;
  parentId?: string | null;
  sortOrder?: number;
};

/** Inserts a category of one portal. */
export async function createCategory(
  db: Db,
  tenantId: string,
  options: CreateCategoryOptions = {},
) {
  const slug = options.slug ?? `chuyen-muc-${uniqueSuffix()}`;
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .insert(categories)
      .values({
        tenantId,
        slug,
        nameVi: options.nameVi ?? `Chuyên mục ${slug}`,
        parentId: options.parentId ?? null,
        sortOrder: options.sortOrder ?? 100,
      })
      .returning(),
  );

  return row!;
}

/** The text and fields of one revision. */
export type RevisionInput = {
  titleVi?: string;
  titleEn?: string;
  leadVi?: string;
  leadEn?: string;
  bodyVi?: string;
  bodyEn?: string;
  fields?: Record<string, unknown>;
};

export type CreateContentOptions = RevisionInput & {
  type: ContentType;
  slug?: string;
  categoryId?: string | null;
  /** `published` by default; `updated` is live too, any other state is not. */
  status?: WorkflowState;
  firstPublishedAt?: Date;
  publishedAt?: Date;
  /** A newer revision saved after the published one and not published, as an editor leaves it. */
  draft?: RevisionInput;
};

/**
 * Inserts an item of any type. A live item (published or updated) gets a published revision;
 * `draft` adds a newer unpublished revision on top, which public pages must never show.
 */
export async function createContent(db: Db, tenantId: string, options: CreateContentOptions) {
  const status = options.status ?? 'published';
  const isLive = status === 'published' || status === 'updated';
  const publishedAt = options.publishedAt ?? new Date();
  const firstPublishedAt = options.firstPublishedAt ?? publishedAt;
  const slug = options.slug ?? `noi-dung-${uniqueSuffix()}`;

  return withTenant(db, tenantId, async (tx) => {
    const [item] = await tx
      .insert(contentItems)
      .values({
        tenantId,
        type: options.type,
        slug,
        status,
        categoryId: options.categoryId ?? null,
        publishedAt: isLive ? publishedAt : null,
        firstPublishedAt: isLive ? firstPublishedAt : null,
      })
      .returning();
    const insertRevision = async (number: number, input: RevisionInput) => {
      const [revision] = await tx
        .insert(contentRevisions)
        .values({
          tenantId,
          itemId: item!.id,
          number,
          titleVi: input.titleVi ?? `Tiêu đề ${slug}`,
          titleEn: input.titleEn ?? null,
          leadVi: input.leadVi ?? null,
          leadEn: input.leadEn ?? null,
          bodyVi: input.bodyVi ?? '<p>Nội dung thử nghiệm.</p>',
          bodyEn: input.bodyEn ?? null,
          fields: input.fields ?? {},
        })
        .returning();
      return revision!;
    };
    const first = await insertRevision(1, options);
    const draft = options.draft ? await insertRevision(2, { ...options, ...options.draft }) : null;
    await tx
      .update(contentItems)
      .set({
        currentRevisionId: (draft ?? first).id,
        publishedRevisionId: isLive ? first.id : null,
      })
      .where(and(eq(contentItems.tenantId, tenantId), eq(contentItems.id, item!.id)));

    return {
      ...item!,
      publishedRevisionId: isLive ? first.id : null,
      currentRevisionId: (draft ?? first).id,
    };
  });
}

export type CreateMediaOptions = {
  originalName?: string;
  contentType?: string;
  sizeBytes?: number;
  width?: number | null;
  height?: number | null;
  altVi?: string | null;
  variants?: MediaVariant[];
};

/** Inserts a media row only: listing links needs no stored object. */
export async function createMediaRow(db: Db, tenantId: string, options: CreateMediaOptions = {}) {
  const id = randomUUID();
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .insert(media)
      .values({
        tenantId,
        id,
        objectKey: `${tenantId}/2026/${id}.bin`,
        originalName: options.originalName ?? 'tep-dinh-kem.pdf',
        contentType: options.contentType ?? 'application/pdf',
        sizeBytes: options.sizeBytes ?? 150_000,
        sha256: randomBytes(32).toString('hex'),
        width: options.width ?? null,
        height: options.height ?? null,
        altVi: options.altVi ?? null,
        variants: options.variants ?? [],
      })
      .returning(),
  );

  return row!;
}

/** Records that an item was once published under `oldSlug`. */
export async function createSlugRedirect(
  db: Db,
  tenantId: string,
  redirect: { type: ContentType; oldSlug: string; itemId: string },
) {
  await withTenant(db, tenantId, (tx) =>
    tx.insert(slugRedirects).values({ tenantId, ...redirect }),
  );
}

/** Stores a preview link for a revision and returns its token. */
export async function createPreviewToken(
  db: Db,
  tenantId: string,
  link: { itemId: string; revisionId: string; expiresAt?: Date },
) {
  const token = generateToken();
  await withTenant(db, tenantId, (tx) =>
    tx.insert(previewLinks).values({
      tokenHash: hashToken(token),
      tenantId,
      itemId: link.itemId,
      revisionId: link.revisionId,
      expiresAt: link.expiresAt ?? new Date(Date.now() + 3_600_000),
    }),
  );

  return token;
}

/** Returns the fields of a legal document that is in force, with overrides applied. */
export function legalDocumentFields(overrides: Record<string, unknown> = {}) {
  return {
    documentType: 'Thông tư',
    issuingAuthority: 'Bộ Thông tin và Truyền thông',
    numberSymbol: '01/2026/TT-BTTTT',
    issuedOn: '2026-01-05',
    effectiveOn: '2026-02-20',
    summary: 'Quy định về cấu trúc, bố cục của cổng thông tin điện tử.',
    signer: 'Thứ trưởng Nguyễn Văn A',
    attachmentMediaIds: [],
    legalStatus: 'in_force',
    ...overrides,
  };
}
