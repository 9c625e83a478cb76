import type {
  ComplianceOverview,
  Policy,
  TenantCompliance,
} from '../../../web/src/policies/types.ts';

/** Builds a policy as `GET /policies` returns it, by default the feedback answer time of 20 days. */
export function fakePolicy(overrides: Partial<Policy> = {}): Policy {
  return {
    key: 'feedback.answer_days',
    label: {
      vi: 'Thời hạn trả lời phản ánh, kiến nghị',
      en: 'Time to answer feedback and petitions',
    },
    description: { vi: 'Số ngày kể từ ngày tiếp nhận.', en: 'Days from the day of receipt.' },
    type: 'number',
    direction: 'lower',
    scope: 'tenant',
    unit: 'days',
    options: null,
    hasBounds: true,
    defaultValue: 20,
    board: null,
    boardValue: 20,
    bounds: null,
    isLocked: false,
    isOverridable: true,
    boardVersion: 0,
    allowedOverride: 'a whole number from 1 to 20',
    override: null,
    value: 20,
    source: 'code',
    ...overrides,
  };
}

const noCounts = {
  missingCategories: 0,
  missingOperatorFields: 0,
  overdueItems: 0,
  pendingReviews: 0,
  overdueFeedback: 0,
  stalePages: 0,
  usersWithoutSecondFactor: 0,
  overridesInForce: 0,
  findings: 0,
};

/** Builds one portal of the compliance overview with the given counts and no listed findings. */
export function fakePortal(
  tenant: { id: string; slug: string; nameVi: string },
  counts: Partial<TenantCompliance['counts']> = {},
): TenantCompliance {
  return {
    tenant: { ...tenant, kind: 'hosted' },
    missingCategories: [],
    missingOperatorFields: [],
    overdueItems: [],
    pendingReviews: [],
    overdueFeedback: [],
    stalePages: [],
    usersWithoutSecondFactor: [],
    overrides: [],
    counts: { ...noCounts, ...counts },
  };
}

export function fakeOverview(tenants: TenantCompliance[]): ComplianceOverview {
  return {
    generatedAt: '2026-12-01T08:00:00.000Z',
    tenants,
    board: { usersWithoutSecondFactor: [] },
  };
}
