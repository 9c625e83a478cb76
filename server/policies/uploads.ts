import { withTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';
import type { UploadLimits } from '../media/upload-limits.ts';
import { effectivePolicies } from './registry.ts';

/** Resolves a tenant's upload limits, for `storeUpload`. Runs in the tenant's scope. */
export async function effectiveUploadLimits(tx: Tx, tenantId: string): Promise<UploadLimits> {
  const policies = await effectivePolicies(tx, tenantId);

  return {
    allowedTypes: policies['media.upload_types'].value,
    maxBytes: policies['media.max_upload_bytes'].value,
    quotaBytes: policies['media.quota_bytes'].value,
    allowSvg: policies['media.allow_svg'].value,
  };
}

/** Creates the lookup of upload limits that the media admin routes take, one transaction a call. */
export function uploadLimitsFor(db: Db): (tenantId: string) => Promise<UploadLimits> {
  return (tenantId) => withTenant(db, tenantId, (tx) => effectiveUploadLimits(tx, tenantId));
}
