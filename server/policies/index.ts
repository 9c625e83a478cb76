export { complianceCsv } from './compliance-csv.ts';
export {
  platformCompliance,
  sortCompliance,
  tenantCompliance,
  type ComplianceOverview,
  type TenantCompliance,
} from './compliance.ts';
export { createComplianceRoutes } from './compliance-routes.ts';
export { updateBoardPolicy } from './board-changes.ts';
export { removePolicyOverride, setPolicyOverride } from './overrides.ts';
export { effectiveDeadline, effectiveRichTextPolicy } from './content-rules.ts';
export { feedbackDeadlines, type FeedbackDeadlines } from './feedback.ts';
export { listPolicyHistory, listPolicyTenants, listTenantPolicyHistory } from './history.ts';
export { missingOperatorFields } from './operator.ts';
export {
  effectivePolicies,
  effectivePolicy,
  effectiveValue,
  policyDefaultsFromConfig,
  resolvePolicy,
  type PolicyKey,
  type PolicyValue,
  type ResolvedPolicy,
} from './registry.ts';
export { createPolicyRoutes } from './routes.ts';
export { invalidatePolicyCache, securityPolicies } from './security.ts';
export { effectiveUploadLimits, uploadLimitsFor } from './uploads.ts';
export { assertPublicationPolicies } from './workflow-rules.ts';
