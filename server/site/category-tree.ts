import type { CategoryRow } from '../content/categories.ts';

/** A category as public pages show it. */
export type SiteCategory = {
  id: string;
  parentId: string | null;
  slug: string;
  nameVi: string;
  nameEn: string | null;
};

/**
 * A portal's categories, loaded once per page: the menu, the breadcrumbs and the category
 * pages all read this tree.
 */
export class CategoryTree {
  readonly #byId = new Map<string, SiteCategory>();
  readonly #ordered: SiteCategory[];

  /** `rows` must already be in display order. */
  constructor(rows: readonly CategoryRow[]) {
    this.#ordered = rows.map((row) => ({
      id: row.id,
      parentId: row.parentId,
      slug: row.slug,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
    }));
    for (const category of this.#ordered) {
      this.#byId.set(category.id, category);
    }
  }

  /** Every category, in display order. */
  all(): SiteCategory[] {
    return [...this.#ordered];
  }

  /** The categories without a parent: the portal's main menu. */
  topLevel(): SiteCategory[] {
    return this.#ordered.filter((category) => category.parentId === null);
  }

  childrenOf(id: string): SiteCategory[] {
    return this.#ordered.filter((category) => category.parentId === id);
  }

  findBySlug(slug: string): SiteCategory | undefined {
    return this.#ordered.find((category) => category.slug === slug);
  }

  findById(id: string | null): SiteCategory | undefined {
    return id ? this.#byId.get(id) : undefined;
  }

  /** Returns the category and its ancestors, root first; empty for an unknown id. */
  pathTo(id: string | null): SiteCategory[] {
    const path: SiteCategory[] = [];
    const seen = new Set<string>();
    let current = this.findById(id);
    // The seen set guards against a cycle in the parent links, which the schema does not forbid.
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      path.unshift(current);
      current = this.findById(current.parentId);
    }

    return path;
  }

  /** Returns the ids of a category and of every category below it. */
  subtreeIds(id: string): string[] {
    const ids: string[] = [];
    const pending = [id];
    while (pending.length > 0) {
      const next = pending.pop()!;
      if (ids.includes(next)) {
        continue;
      }
      ids.push(next);
      pending.push(...this.childrenOf(next).map((child) => child.id));
    }

    return ids;
  }
}
