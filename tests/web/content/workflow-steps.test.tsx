import { fireEvent, screen, within } from '@solidjs/testing-library';
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

const itemPath = `/content/items/${itemId}`;
const transitionsPath = `${itemPath}/transitions`;
const newsCategoryId = '30000000-0000-4000-8000-000000000002';

/** Opens an item in the `received` state, which the desk classifies into a category. */
function openReceivedItem() {
  let categoryId: string | null = null;
  let status: 'received' | 'classified' = 'received';
  const fake = fakeEditorApi({
    ...shellRoutes(unitEditorMe()),
    [`GET ${itemPath}`]: () => {
      const detail = itemDetail({
        allowedActions: status === 'received' ? ['classify', 'return'] : ['start_review'],
      });
      return { ...detail, item: { ...detail.item, status, categoryId } };
    },
    [`POST ${transitionsPath}`]: (_request, body) => {
      categoryId = (body as { categoryId?: string }).categoryId ?? null;
      status = 'classified';
      return { id: itemId, status, dueAt: null };
    },
    [`PUT ${itemPath}`]: {
      revisionId: '41000000-0000-4000-8000-000000000009',
      number: 2,
      slug: 's',
    },
  });
  openAdmin(`/admin/noi-dung/${itemId}`, fake);
  return fake;
}

describe('workflow steps in the editor', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('classify sends the chosen category', async () => {
    const user = userEvent.setup();
    const fake = openReceivedItem();
    await user.click(await screen.findByRole('button', { name: 'Phân loại' }, firstLoad));
    const dialog = screen.getByRole('dialog', { name: 'Phân loại' });

    await user.selectOptions(within(dialog).getByLabelText('Chuyên mục'), newsCategoryId);
    await user.click(within(dialog).getByRole('button', { name: 'Phân loại' }));

    await vi.waitFor(() => expect(fake.sent('POST', transitionsPath)).toHaveLength(1));
    expect(fake.sent('POST', transitionsPath)[0]!.body).toMatchObject({
      action: 'classify',
      categoryId: newsCategoryId,
      isSensitive: false,
    });
  });

  it('shows the category a step set without unsaved changes', async () => {
    const user = userEvent.setup();
    const fake = openReceivedItem();
    await user.click(await screen.findByRole('button', { name: 'Phân loại' }, firstLoad));
    const dialog = screen.getByRole('dialog', { name: 'Phân loại' });
    await user.selectOptions(within(dialog).getByLabelText('Chuyên mục'), newsCategoryId);
    await user.click(within(dialog).getByRole('button', { name: 'Phân loại' }));

    await screen.findByRole('button', { name: 'Chuyển duyệt' });
    const address = screen.getByRole('region', { name: 'Chuyên mục và địa chỉ' });
    expect(within(address).getByLabelText('Chuyên mục')).toHaveValue(newsCategoryId);
    expect(screen.getByText('Không có thay đổi chưa lưu')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Tiêu đề'), '!');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    await vi.waitFor(() => expect(fake.sent('PUT', itemPath)).toHaveLength(1));
    expect(fake.sent('PUT', itemPath)[0]!.body).toMatchObject({ categoryId: newsCategoryId });
  });

  it('shows the tree of categories indented', async () => {
    openReceivedItem();
    const address = await screen.findByRole('region', { name: 'Chuyên mục và địa chỉ' }, firstLoad);

    const options = within(within(address).getByLabelText('Chuyên mục')).getAllByRole('option');

    expect(options.map((option) => option.textContent)).toEqual([
      '— Chưa chọn chuyên mục —',
      'Tin tức',
      '\u00a0\u00a0\u00a0\u00a0└ Tin hoạt động',
    ]);
  });

  it('schedule sends the time in Vietnam', async () => {
    const user = userEvent.setup();
    const fake = fakeEditorApi({
      ...shellRoutes(unitEditorMe()),
      [`GET ${itemPath}`]: () => {
        const detail = itemDetail({ allowedActions: ['publish', 'schedule'] });
        return { ...detail, item: { ...detail.item, status: 'approved' } };
      },
      [`POST ${transitionsPath}`]: { id: itemId, status: 'scheduled', dueAt: null },
    });
    openAdmin(`/admin/noi-dung/${itemId}`, fake);
    await user.click(await screen.findByRole('button', { name: 'Hẹn giờ đăng' }, firstLoad));
    const dialog = screen.getByRole('dialog', { name: 'Hẹn giờ đăng' });
    const publishAt = within(dialog).getByLabelText('Đăng lúc');

    expect(publishAt).toHaveAttribute('type', 'datetime-local');
    expect(dialog).toHaveTextContent('Giờ Việt Nam (Asia/Ho_Chi_Minh, UTC+7).');
    fireEvent.input(publishAt, { target: { value: '2030-01-15T08:30' } });
    await user.click(within(dialog).getByRole('button', { name: 'Hẹn giờ đăng' }));

    await vi.waitFor(() => expect(fake.sent('POST', transitionsPath)).toHaveLength(1));
    expect(fake.sent('POST', transitionsPath)[0]!.body).toMatchObject({
      action: 'schedule',
      publishAt: '2030-01-15T08:30:00+07:00',
    });
  });

  it('schedule rejects a time in the past', async () => {
    const user = userEvent.setup();
    const fake = fakeEditorApi({
      ...shellRoutes(unitEditorMe()),
      [`GET ${itemPath}`]: () => {
        const detail = itemDetail({ allowedActions: ['schedule'] });
        return { ...detail, item: { ...detail.item, status: 'approved' } };
      },
    });
    openAdmin(`/admin/noi-dung/${itemId}`, fake);
    await user.click(await screen.findByRole('button', { name: 'Hẹn giờ đăng' }, firstLoad));
    const dialog = screen.getByRole('dialog', { name: 'Hẹn giờ đăng' });

    fireEvent.input(within(dialog).getByLabelText('Đăng lúc'), {
      target: { value: '2020-01-15T08:30' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Hẹn giờ đăng' }));

    expect(within(dialog).getByText('Phải là một thời điểm trong tương lai.')).toBeInTheDocument();
    expect(fake.sent('POST', transitionsPath)).toHaveLength(0);
  });
});
