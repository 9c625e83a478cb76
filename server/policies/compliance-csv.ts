import { stringify } from 'csv-stringify/sync';

import type { ComplianceOverview, TenantCompliance } from './compliance.ts';

const columns = [
  'tenant_slug',
  'tenant_name',
  'check',
  'subject_id',
  'subject',
  'status',
  'since',
  'age_hours',
] as const;

type CsvRow = Record<(typeof columns)[number], string | number>;

function rowsOf(entry: TenantCompliance): CsvRow[] {
  const base = { tenant_slug: entry.tenant.slug, tenant_name: entry.tenant.nameVi };
  const row = (values: Omit<CsvRow, 'tenant_slug' | 'tenant_name'>): CsvRow => ({
    ...base,
    ...values,
  });
  const empty = { subject_id: '', status: '', since: '', age_hours: '' };

  return [
    ...entry.missingCategories.map((category) =>
      row({
        ...empty,
        check: 'missing_category',
        subject_id: category.key,
        subject: category.nameVi,
      }),
    ),
    ...entry.missingOperatorFields.map((field) =>
      row({ ...empty, check: 'missing_operator_field', subject: field }),
    ),
    ...entry.overdueItems.map((item) =>
      row({
        check: 'overdue_item',
        subject_id: item.id,
        subject: item.titleVi ?? item.slug,
        status: item.status,
        since: item.dueAt,
        age_hours: item.hoursOverdue,
      }),
    ),
    ...entry.pendingReviews.map((item) =>
      row({
        check: 'pending_review',
        subject_id: item.id,
        subject: item.titleVi ?? item.slug,
        status: item.status,
        since: item.waitingSince,
        age_hours: item.hoursWaiting,
      }),
    ),
    ...entry.overdueFeedback.map((feedback) =>
      row({
        check: 'overdue_feedback',
        subject_id: feedback.id,
        subject: feedback.subject,
        status: feedback.status,
        since: feedback.dueAt,
        age_hours: feedback.daysOverdue * 24,
      }),
    ),
    ...entry.stalePages.map((page) =>
      row({
        check: 'stale_page',
        subject_id: page.id,
        subject: page.titleVi ?? page.slug,
        status: '',
        since: page.updatedAt,
        age_hours: page.daysSinceUpdate * 24,
      }),
    ),
    ...entry.usersWithoutSecondFactor.map((user) =>
      row({
        ...empty,
        check: 'user_without_second_factor',
        subject_id: user.userId,
        subject: user.displayName,
        status: user.roles.join(' '),
      }),
    ),
    ...entry.overrides.map((override) =>
      row({
        ...empty,
        check: 'policy_override',
        subject_id: override.key,
        subject: JSON.stringify(override.value),
        status: override.status,
      }),
    ),
  ];
}

/**
 * Writes an overview as CSV, one row per finding. Cells that start with `=`, `+`, `-`, `@`, a
 * tab or a carriage return get a leading apostrophe, so a spreadsheet shows text that citizens
 * or staff typed (a feedback subject, a title) instead of running it as a formula. The byte
 * order mark lets spreadsheet programs read the Vietnamese text as UTF-8.
 */
export function complianceCsv(overview: ComplianceOverview): string {
  const boardRows: CsvRow[] = (overview.board?.usersWithoutSecondFactor ?? []).map((user) => ({
    tenant_slug: '',
    tenant_name: 'Ban Biên tập',
    check: 'user_without_second_factor',
    subject_id: user.userId,
    subject: user.displayName,
    status: user.roles.join(' '),
    since: '',
    age_hours: '',
  }));

  return stringify([...overview.tenants.flatMap(rowsOf), ...boardRows], {
    header: true,
    columns: [...columns],
    bom: true,
    escape_formulas: true,
  });
}
