import type { CaseDetail, CaseSummary } from '../../../web/src/feedback/feedback-names.ts';
import { fakeTenants } from '../fake-admin-api.ts';

export const mic = fakeTenants[0]!;
export const ais = fakeTenants[1]!;
export const caseId = '50000000-0000-4000-8000-000000000001';

export function listedCase(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: caseId,
    tenantId: mic.id,
    assignedTenantId: ais.id,
    responsibleTenantId: ais.id,
    kind: 'petition',
    senderKind: 'organisation',
    subject: 'Thủ tục cấp phép kéo dài quá hạn',
    topic: 'regulation',
    status: 'forwarded',
    receivedAt: '2026-01-26T03:00:00.000Z',
    dueAt: '2026-02-23T10:00:00.000Z',
    nextProgressDueAt: '2026-02-04T10:00:00.000Z',
    publishedAt: null,
    isAnswerOverdue: true,
    isProgressOverdue: false,
    answerWorkingDaysLeft: null,
    answerWorkingDaysOverdue: 4,
    ...overrides,
  };
}

export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...listedCase({ status: 'received', assignedTenantId: null, responsibleTenantId: mic.id }),
    body: 'Hồ sơ nộp ngày 05/01 đến nay chưa có kết quả.',
    sender: {
      name: 'Trần Văn Minh',
      email: 'tran.van.minh@example.vn',
      phone: '0912 345 678',
      organisation: 'Công ty TNHH Minh An',
      consentAt: '2026-01-26T03:00:00.000Z',
      personalDataRemovedAt: null,
    },
    attachmentMediaIds: [],
    attachments: [],
    answer: null,
    answeredAt: null,
    rejectionReason: null,
    mergedIntoId: null,
    events: [
      {
        id: '60000000-0000-4000-8000-000000000001',
        action: 'receive',
        fromState: null,
        toState: 'received',
        note: null,
        isPublic: true,
        actorUserId: null,
        actorName: null,
        assignedTenantId: null,
        occurredAt: '2026-01-26T03:00:00.000Z',
      },
    ],
    availableSteps: ['classify', 'reject', 'merge', 'progress_note'],
    units: [
      { id: mic.id, slug: mic.slug, nameVi: mic.nameVi, nameEn: mic.nameEn },
      { id: ais.id, slug: ais.slug, nameVi: ais.nameVi, nameEn: ais.nameEn },
    ],
    forwardTargets: [{ id: ais.id, slug: ais.slug, nameVi: ais.nameVi, nameEn: ais.nameEn }],
    ...overrides,
  };
}

/** Builds a JSON error response in the admin API's shape. */
export function errorResponse(status: number, code: string, message: string, fields = []) {
  return new Response(JSON.stringify({ error: { code, message, fields } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
