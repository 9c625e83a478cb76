import type { EditorCategory } from './item-types.ts';

export type CategoryOption = { id: string; name: string; depth: number };

/**
 * Orders a portal's categories as a tree, depth first, each child after its parent and in the
 * server's order. A category whose parent is missing from the list is shown at the top level.
 */
export function flattenCategoryTree(
  categories: readonly EditorCategory[],
  nameOf: (category: EditorCategory) => string,
): CategoryOption[] {
  const ids = new Set(categories.map((category) => category.id));
  const childrenOf = new Map<string | null, EditorCategory[]>();
  for (const category of categories) {
    const parent = category.parentId && ids.has(category.parentId) ? category.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), category]);
  }

  const options: CategoryOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const category of childrenOf.get(parent) ?? []) {
      options.push({ id: category.id, name: nameOf(category), depth });
      visit(category.id, depth + 1);
    }
  };
  visit(null, 0);

  return options;
}
