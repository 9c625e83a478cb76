import { tenants } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db } from '../db/types.ts';
import type { Logger } from '../logger.ts';

export type DropPublicPagesOptions = {
  db: Db;
  log: Logger;
  onPublicChange: (tenantId: string) => void;
};

/**
 * Drops the cached public pages that a policy change can alter: the tenant's own after a
 * change of its override, or every tenant's after a change of the board's setting (`null`).
 * The change is already saved, so a failure is logged rather than raised, and the pages then
 * stay cached until the page cache's maximum age passes.
 */
export async function dropPublicPages(
  options: DropPublicPagesOptions,
  tenantId: string | null,
): Promise<void> {
  if (tenantId) {
    options.onPublicChange(tenantId);
    return;
  }
  try {
    const rows = await withoutTenant(options.db, (tx) =>
      tx.select({ id: tenants.id }).from(tenants),
    );
    for (const row of rows) {
      options.onPublicChange(row.id);
    }
  } catch (error) {
    options.log.error({ err: error }, 'dropping cached public pages after a policy change failed');
  }
}
