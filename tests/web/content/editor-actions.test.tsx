import { screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { fakeMe } from '../fake-admin-api.ts';
import {
  fakeEditorApi,
  firstLoad,
  itemDetail,
  itemId,
  mainPortal,
  openAdmin,
  shellRoutes,
  unitEditorMe,
  unitPortal,
} from './editor-fake-api.tsx';

const itemPath = `/content/items/${itemId}`;
const previewUrl = 'http://ais.mic.localhost:3000/xem-truoc/token-1';

function openAs(roles: string[], status: 'draft' | 'published' = 'draft') {
  const detail = itemDetail();
  const fake = fakeEditorApi({
    ...shellRoutes(unitEditorMe(roles)),
    [`GET ${itemPath}`]: { ...detail, item: { ...detail.item, status } },
    [`POST ${itemPath}/preview-link`]: { url: previewUrl, expiresAt: '2026-12-02T08:00:00.000Z' },
    'POST /content/submissions': {
      itemId: '60000000-0000-4000-8000-000000000001',
      status: 'submitted',
    },
  });
  openAdmin(`/admin/noi-dung/${itemId}`, fake);
  return fake;
}

async function fillProvenance(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Gửi lên Cổng Bộ' }, firstLoad));
  const dialog = screen.getByRole('dialog', { name: 'Gửi lên Cổng Thông tin điện tử của Bộ' });
  await user.type(within(dialog).getByLabelText('Chức vụ'), 'Chuyên viên');
  await user.type(within(dialog).getByLabelText('Mục đích gửi'), 'Đề nghị đăng tin');
  return dialog;
}

describe('editor preview', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens the preview link in a new tab', async () => {
    const user = userEvent.setup();
    const opened = vi.fn();
    vi.stubGlobal('open', opened);
    openAs(['editor']);

    await user.click(await screen.findByRole('button', { name: 'Xem trước' }, firstLoad));

    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith(previewUrl, '_blank', 'noopener'));
    expect(screen.getByRole('link', { name: new RegExp(previewUrl) })).toHaveAttribute(
      'target',
      '_blank',
    );
  });
});

describe('sending to the main portal', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is hidden from a unit editor', async () => {
    openAs(['editor']);
    await screen.findByRole('button', { name: 'Xem trước' }, firstLoad);

    expect(screen.queryByRole('button', { name: 'Gửi lên Cổng Bộ' })).not.toBeInTheDocument();
  });

  it('sends the text on screen with provenance', async () => {
    const user = userEvent.setup();
    const fake = openAs(['focal_point']);
    const title = await screen.findByLabelText('Tiêu đề', {}, firstLoad);
    await user.type(title, ' năm 2026');
    const dialog = await fillProvenance(user);

    await user.click(within(dialog).getByRole('button', { name: 'Gửi lên Cổng Bộ' }));

    await within(dialog).findByText(/^Đã gửi lên Cổng Bộ/);
    expect(fake.sent('POST', '/content/submissions')[0]!.body).toEqual({
      tenantId: unitPortal.id,
      type: 'article',
      titleVi: 'Hội thảo an toàn thông tin năm 2026',
      leadVi: 'Cục tổ chức hội thảo về an toàn thông tin.',
      bodyVi: '<p>Sáng nay, Cục tổ chức hội thảo.</p>',
      fields: { galleryMediaIds: [] },
      provenance: {
        senderName: 'Cán bộ Thử nghiệm',
        senderTitle: 'Chuyên viên',
        senderEmail: 'can.bo@mic.gov.vn',
        purpose: 'Đề nghị đăng tin',
      },
    });
    expect(within(dialog).getByRole('link', { name: 'Theo dõi bài đã gửi' })).toHaveAttribute(
      'href',
      '/admin/gui-cong-bo/60000000-0000-4000-8000-000000000001',
    );
  });

  it('offers a published item by its id', async () => {
    const user = userEvent.setup();
    const fake = openAs(['focal_point'], 'published');
    const dialog = await fillProvenance(user);

    await user.click(within(dialog).getByRole('button', { name: 'Gửi lên Cổng Bộ' }));

    await within(dialog).findByText(/^Đã gửi lên Cổng Bộ/);
    const body = fake.sent('POST', '/content/submissions')[0]!.body as Record<string, unknown>;
    expect(body.sourceItemId).toBe(itemId);
    expect(body).not.toHaveProperty('titleVi');
  });

  it('requires the purpose', async () => {
    const user = userEvent.setup();
    const fake = openAs(['focal_point']);
    await user.click(await screen.findByRole('button', { name: 'Gửi lên Cổng Bộ' }, firstLoad));
    const dialog = screen.getByRole('dialog', { name: 'Gửi lên Cổng Thông tin điện tử của Bộ' });
    await user.type(within(dialog).getByLabelText('Chức vụ'), 'Chuyên viên');

    await user.click(within(dialog).getByRole('button', { name: 'Gửi lên Cổng Bộ' }));

    expect(within(dialog).getByLabelText('Mục đích gửi')).toHaveAttribute('aria-invalid', 'true');
    expect(fake.sent('POST', '/content/submissions')).toHaveLength(0);
  });

  it('is not offered on the main portal', async () => {
    const mainAdmin = fakeMe({ memberships: [{ tenant: mainPortal, roles: ['unit_admin'] }] });
    const fake = fakeEditorApi({
      ...shellRoutes(mainAdmin, [mainPortal]),
      [`GET ${itemPath}`]: itemDetail(),
    });
    openAdmin(`/admin/noi-dung/${itemId}`, fake);
    await screen.findByRole('button', { name: 'Xem trước' }, firstLoad);

    expect(screen.queryByRole('button', { name: 'Gửi lên Cổng Bộ' })).not.toBeInTheDocument();
  });
});

describe('read-only editor', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows an item the user may not change', async () => {
    // An author may change only their own drafts; this item is another person's, under review.
    const detail = itemDetail({ allowedActions: [] });
    const fake = fakeEditorApi({
      ...shellRoutes(unitEditorMe(['author'])),
      [`GET ${itemPath}`]: {
        ...detail,
        item: {
          ...detail.item,
          status: 'in_review',
          createdBy: '10000000-0000-4000-8000-000000000099',
        },
      },
    });
    openAdmin(`/admin/noi-dung/${itemId}`, fake);

    expect(await screen.findByLabelText('Tiêu đề', {}, firstLoad)).toHaveAttribute('readonly');
    const body = screen.getByRole('textbox', { name: 'Nội dung' });
    expect(body).toHaveAttribute('aria-readonly', 'true');
    // The box scrolls a long text, so a keyboard must be able to reach it.
    expect(body).toHaveAttribute('tabindex', '0');
    expect(screen.queryByRole('button', { name: 'Lưu' })).not.toBeInTheDocument();
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument();
    expect(screen.getByText(/^Bạn đang xem\./)).toBeInTheDocument();
  });
});
