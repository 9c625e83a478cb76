import type { RichTextPolicy } from '../content/sanitize.ts';
import type { DeadlineRule } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import { loadOverrides, loadSettings, resolvePolicy } from './registry.ts';

const richTextKeys = [
  'content.html_tags',
  'content.html_attributes',
  'content.embed_hosts',
] as const;

/**
 * Resolves the HTML a tenant's rich text may contain, for sanitising on save and when a page
 * renders. Runs in the tenant's scope, or the platform's, so that the tenant's override counts.
 */
export async function effectiveRichTextPolicy(tx: Tx, tenantId: string): Promise<RichTextPolicy> {
  const settings = await loadSettings(tx, richTextKeys);
  const overrides = await loadOverrides(tx, tenantId, richTextKeys);
  const valueOf = <K extends (typeof richTextKeys)[number]>(key: K) =>
    resolvePolicy(
      key,
      settings.find((row) => row.key === key),
      overrides.find((row) => row.key === key),
    ).value;

  return {
    tags: valueOf('content.html_tags'),
    attributes: valueOf('content.html_attributes'),
    embedHosts: valueOf('content.embed_hosts'),
  };
}

/**
 * Resolves the publication deadline of a category on a tenant. A template category takes the
 * policy's deadline for its template when the policy has one. A unit's own category, or a
 * template the policy leaves out, keeps the deadline stored with the category.
 */
export async function effectiveDeadline(
  tx: Tx,
  tenantId: string,
  category: { templateKey: string | null; deadline: DeadlineRule | null },
): Promise<DeadlineRule | null> {
  if (!category.templateKey) {
    return category.deadline;
  }
  const [setting] = await loadSettings(tx, ['content.deadlines']);
  const [override] = await loadOverrides(tx, tenantId, ['content.deadlines']);
  const deadlines = resolvePolicy('content.deadlines', setting, override).value;

  return deadlines[category.templateKey] ?? category.deadline;
}
