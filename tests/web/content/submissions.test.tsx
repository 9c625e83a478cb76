import { screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type {
  OwnSubmission,
  SubmissionDetail,
} from '../../../web/src/content/editor/item-types.ts';
import { fakeMe } from '../fake-admin-api.ts';
import {
  fakeEditorApi,
  firstLoad,
  mainPortal,
  openAdmin,
  revision,
  shellRoutes,
  unitEditorMe,
  unitPortal,
} from './editor-fake-api.tsx';

const submissionId = '60000000-0000-4000-8000-000000000001';
const returnNote = 'Đề nghị bổ sung thời gian, địa điểm tổ chức.';

const returned: OwnSubmission = {
  id: submissionId,
  type: 'article',
  titleVi: 'Hội thảo an toàn thông tin',
  status: 'returned',
  provenance: {
    senderName: 'Cán bộ đầu mối',
    senderTitle: 'Chuyên viên',
    purpose: 'Đề nghị đăng tin',
  },
  dueAt: null,
  submittedAt: '2026-12-01T08:00:00.000Z',
  notes: [
    {
      action: 'submit_from_unit',
      note: 'Đề nghị đăng tin',
      occurredAt: '2026-12-01T08:00:00.000Z',
    },
    { action: 'return', note: returnNote, occurredAt: '2026-12-01T10:00:00.000Z' },
  ],
};

const sentRevision = revision({ fields: {} });

const detail: SubmissionDetail = {
  item: {
    id: submissionId,
    type: 'article',
    status: 'returned',
    provenance: returned.provenance,
    dueAt: null,
    submittedAt: returned.submittedAt,
    updatedAt: '2026-12-01T10:00:00.000Z',
  },
  revision: sentRevision,
  events: [
    {
      action: 'submit_from_unit',
      fromState: null,
      toState: 'submitted',
      note: 'Đề nghị đăng tin',
      occurredAt: '2026-12-01T08:00:00.000Z',
    },
    {
      action: 'return',
      fromState: 'submitted',
      toState: 'returned',
      note: returnNote,
      occurredAt: '2026-12-01T10:00:00.000Z',
    },
  ],
};

function submissionsApi() {
  return fakeEditorApi({
    ...shellRoutes(unitEditorMe(['focal_point'])),
    'GET /content/submissions': { submissions: [returned] },
    [`GET /content/submissions/${submissionId}`]: detail,
    [`POST /content/submissions/${submissionId}/resubmit`]: {
      itemId: submissionId,
      status: 'submitted',
    },
  });
}

describe('submissions screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists what the unit sent with the desk note', async () => {
    const fake = submissionsApi();
    openAdmin('/admin/gui-cong-bo', fake);

    const row = (await screen.findByRole('link', { name: returned.titleVi }, firstLoad)).closest(
      'tr',
    )!;

    expect(within(row).getByText('Trả lại để sửa')).toBeInTheDocument();
    expect(row).toHaveTextContent(returnNote);
    expect(row).not.toHaveTextContent('Đề nghị đăng tin');
    expect(fake.sent('GET', '/content/submissions')[0]!.url.searchParams.get('tenantId')).toBe(
      unitPortal.id,
    );
    expect(screen.getByRole('link', { name: 'Gửi Cổng Bộ' })).toBeInTheDocument();
  });

  it('shows the return note on the submission', async () => {
    openAdmin(`/admin/gui-cong-bo/${submissionId}`, submissionsApi());

    const notice = await screen.findByText(/^Ý kiến khi trả lại/, {}, firstLoad);

    expect(notice.parentElement).toHaveTextContent(returnNote);
    expect(
      screen.getByRole('heading', { name: 'Quá trình xử lý tại Cổng Bộ' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Bộ phận Thường trực, /).length).toBeGreaterThan(0);
  });

  it('lets the keyboard reach the sent text', async () => {
    const fake = submissionsApi();
    fake.routes[`GET /content/submissions/${submissionId}`] = {
      ...detail,
      item: { ...detail.item, status: 'submitted' },
    };
    openAdmin(`/admin/gui-cong-bo/${submissionId}`, fake);

    const body = await screen.findByRole('textbox', { name: 'Nội dung' }, firstLoad);

    expect(body).toHaveAttribute('aria-readonly', 'true');
    expect(body).toHaveAttribute('tabindex', '0');
  });

  it('sends a returned submission again with the revision it revised', async () => {
    const user = userEvent.setup();
    const fake = submissionsApi();
    openAdmin(`/admin/gui-cong-bo/${submissionId}`, fake);
    const title = await screen.findByLabelText('Tiêu đề', {}, firstLoad);

    await user.type(title, ' ngày 5/12 tại Hà Nội');
    await user.type(screen.getByLabelText(/^Ghi chú cho Bộ phận Thường trực/), 'Đã bổ sung.');
    await user.click(screen.getByRole('button', { name: 'Gửi lại Cổng Bộ' }));

    const path = `/content/submissions/${submissionId}/resubmit`;
    await vi.waitFor(() => expect(fake.sent('POST', path)).toHaveLength(1));
    expect(fake.sent('POST', path)[0]!.body).toMatchObject({
      tenantId: unitPortal.id,
      baseRevisionId: sentRevision.id,
      titleVi: 'Hội thảo an toàn thông tin ngày 5/12 tại Hà Nội',
      bodyVi: sentRevision.bodyVi,
      note: 'Đã bổ sung.',
    });
  });

  it('is not offered on the main portal', async () => {
    const fake = fakeEditorApi({
      ...shellRoutes(fakeMe({ memberships: [{ tenant: mainPortal, roles: ['unit_admin'] }] }), [
        mainPortal,
      ]),
      'GET /content/items': { items: [], total: 0 },
    });
    openAdmin('/admin/noi-dung', fake);
    await screen.findByRole('heading', { name: 'Nội dung' }, firstLoad);

    expect(screen.queryByRole('link', { name: 'Gửi Cổng Bộ' })).not.toBeInTheDocument();
  });
});
