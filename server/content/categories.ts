import { and, asc, count, eq } from 'drizzle-orm';

import { categories } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import { flattenTemplates } from './category-templates.ts';

export type CategoryRow = typeof categories.$inferSelect;

/**
 * Gives a portal the template categories when it has none yet; a portal that has categories
 * is left alone, so its editors' changes survive every sync. Runs inside the tenant's scope.
 */
export async function seedCategories(tx: Tx, tenantId: string): Promise<number> {
  const [existing] = await tx
    .select({ total: count() })
    .from(categories)
    .where(eq(categories.tenantId, tenantId));
  if ((existing?.total ?? 0) > 0) {
    return 0;
  }

  const idsByKey = new Map<string, string>();
  const templates = flattenTemplates();
  for (const template of templates) {
    const [row] = await tx
      .insert(categories)
      .values({
        tenantId,
        parentId: template.parentKey ? (idsByKey.get(template.parentKey) ?? null) : null,
        slug: template.slug,
        nameVi: template.nameVi,
        nameEn: template.nameEn,
        templateKey: template.key,
        isStanding: template.isStanding ?? false,
        deadline: template.deadline ?? null,
        sortOrder: template.order,
      })
      .returning({ id: categories.id });
    idsByKey.set(template.key, row!.id);
  }

  return templates.length;
}

export async function listCategories(tx: Tx, tenantId: string): Promise<CategoryRow[]> {
  return tx
    .select()
    .from(categories)
    .where(eq(categories.tenantId, tenantId))
    .orderBy(asc(categories.sortOrder), asc(categories.slug));
}

export async function findCategoryBySlug(tx: Tx, tenantId: string, slug: string) {
  const [row] = await tx
    .select()
    .from(categories)
    .where(and(eq(categories.tenantId, tenantId), eq(categories.slug, slug)));

  return row ?? null;
}
