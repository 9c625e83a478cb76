import { screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  fakeEditorApi,
  firstLoad,
  itemDetail,
  itemId,
  openAdmin,
  shellRoutes,
  unitEditorMe,
} from './editor-fake-api.tsx';

const transitionsPath = `/content/items/${itemId}/transitions`;

function openItemInReview() {
  let status: 'in_review' | 'returned' = 'in_review';
  const fake = fakeEditorApi({
    ...shellRoutes(unitEditorMe()),
    [`GET /content/items/${itemId}`]: () => {
      const detail = itemDetail({
        allowedActions: status === 'in_review' ? ['return', 'escalate', 'approve'] : ['submit'],
      });
      return { ...detail, item: { ...detail.item, status } };
    },
    [`POST ${transitionsPath}`]: () => {
      status = 'returned';
      return { id: itemId, status, dueAt: null };
    },
  });
  openAdmin(`/admin/noi-dung/${itemId}`, fake);
  return fake;
}

describe('workflow step that requires a note', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens a dialog asking for the reason', async () => {
    const user = userEvent.setup();
    openItemInReview();

    await user.click(await screen.findByRole('button', { name: 'Trả lại' }, firstLoad));

    const dialog = screen.getByRole('dialog', { name: 'Trả lại' });
    expect(within(dialog).getByLabelText('Lý do')).toHaveFocus();
    expect(within(dialog).getByLabelText('Lý do')).toBeRequired();
  });

  it('is not sent without a note', async () => {
    const user = userEvent.setup();
    const fake = openItemInReview();
    await user.click(await screen.findByRole('button', { name: 'Trả lại' }, firstLoad));
    const dialog = screen.getByRole('dialog', { name: 'Trả lại' });

    await user.type(within(dialog).getByLabelText('Lý do'), '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));

    expect(
      within(dialog).getByText('Cần ghi lý do trước khi thực hiện bước này.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Lý do')).toHaveAttribute('aria-invalid', 'true');
    expect(fake.sent('POST', transitionsPath)).toHaveLength(0);
    expect(screen.getByRole('dialog', { name: 'Trả lại' })).toBeInTheDocument();
  });

  it('is sent with the note once given', async () => {
    const user = userEvent.setup();
    const fake = openItemInReview();
    await user.click(await screen.findByRole('button', { name: 'Trả lại' }, firstLoad));
    const dialog = screen.getByRole('dialog', { name: 'Trả lại' });
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));

    await user.type(within(dialog).getByLabelText('Lý do'), 'Bổ sung nguồn tin và ảnh.');
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));

    await vi.waitFor(() => expect(fake.sent('POST', transitionsPath)).toHaveLength(1));
    expect(fake.sent('POST', transitionsPath)[0]!.body).toMatchObject({
      action: 'return',
      note: 'Bổ sung nguồn tin và ảnh.',
    });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Trả lại để sửa', { selector: '.badge' })).toBeInTheDocument();
  });

  it('runs a step without a note at once', async () => {
    const user = userEvent.setup();
    const fake = openItemInReview();

    await user.click(await screen.findByRole('button', { name: 'Duyệt' }, firstLoad));

    await vi.waitFor(() => expect(fake.sent('POST', transitionsPath)).toHaveLength(1));
    expect(fake.sent('POST', transitionsPath)[0]!.body).toMatchObject({ action: 'approve' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
