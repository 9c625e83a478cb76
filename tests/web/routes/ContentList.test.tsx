import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../../web/src/App.tsx';
import type { ListedItem } from '../../../web/src/routes/ContentList.tsx';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeAdminFetch, fakeMe, fakeTenants } from '../fake-admin-api.ts';

const ais = fakeTenants[1]!;
const newsCategory = {
  id: '30000000-0000-4000-8000-000000000001',
  parentId: null,
  nameVi: 'Tin hoạt động',
  nameEn: 'News',
};

function listedItem(overrides: Partial<ListedItem> = {}): ListedItem {
  return {
    id: '40000000-0000-4000-8000-000000000001',
    type: 'article',
    slug: 'hoi-thao-an-toan-thong-tin',
    status: 'in_review',
    titleVi: 'Hội thảo an toàn thông tin',
    categoryId: newsCategory.id,
    updatedAt: '2026-12-01T08:00:00.000Z',
    ...overrides,
  };
}

function openList(
  path: string,
  total = 1,
  me = fakeMe({ memberships: [{ tenant: ais, roles: ['editor'] }] }),
) {
  const fake = fakeAdminFetch({
    'GET /auth/me': me,
    'GET /tenants': { tenants: [ais] },
    'GET /content/items': { items: [listedItem()], total },
    'GET /content/categories': { categories: [newsCategory] },
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', path);
  rememberRequestedTenant();
  render(() => <App services={createAppServices()} />);
  return fake;
}

/** Reads the query of the latest list request. */
function lastListQuery(requests: Request[]) {
  const listRequests = requests.filter((request) => request.url.includes('/content/items'));
  return new URL(listRequests.at(-1)!.url).searchParams;
}

describe('content list screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows items with their labels', async () => {
    openList('/admin/noi-dung');

    const row = (await screen.findByText('Hội thảo an toàn thông tin')).closest('tr')!;

    expect(within(row).getByText('Tin bài')).toBeInTheDocument();
    expect(within(row).getByText('Đang duyệt')).toBeInTheDocument();
    expect(await within(row).findByText('Tin hoạt động')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nội dung' })).toBeInTheDocument();
  });

  it('sends the filters from the address', async () => {
    const fake = openList(`/admin/noi-dung?loai=announcement&chuyen-muc=${newsCategory.id}`);
    await screen.findByText('Hội thảo an toàn thông tin');

    const query = lastListQuery(fake.requests);
    expect(query.get('type')).toBe('announcement');
    expect(query.get('categoryId')).toBe(newsCategory.id);
    expect(query.get('tenantId')).toBe(ais.id);
    expect(screen.getByLabelText('Loại')).toHaveValue('announcement');
  });

  it('ignores an unknown filter value', async () => {
    const fake = openList('/admin/noi-dung?tinh-trang=khong-co');
    await screen.findByText('Hội thảo an toàn thông tin');

    expect(lastListQuery(fake.requests).has('status')).toBe(false);
  });

  it('puts a chosen filter in the address', async () => {
    const user = userEvent.setup();
    const fake = openList('/admin/noi-dung?trang=2', 45);
    await screen.findByText('Hội thảo an toàn thông tin');

    await user.selectOptions(screen.getByLabelText('Tình trạng'), 'published');

    await vi.waitFor(() => expect(window.location.search).toBe('?tinh-trang=published'));
    await vi.waitFor(() => expect(lastListQuery(fake.requests).get('status')).toBe('published'));
    expect(lastListQuery(fake.requests).get('page')).toBe('1');
  });

  it('moves between pages', async () => {
    const user = userEvent.setup();
    const fake = openList('/admin/noi-dung', 45);
    await screen.findByText('Trang 1 / 3');

    expect(screen.getByRole('button', { name: 'Trang trước' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Trang sau' }));

    await screen.findByText('Trang 2 / 3');
    expect(window.location.search).toBe('?trang=2');
    expect(lastListQuery(fake.requests).get('page')).toBe('2');
  });

  it('links each title to its editor', async () => {
    openList('/admin/noi-dung');

    const link = await screen.findByRole('link', { name: 'Hội thảo an toàn thông tin' });

    expect(link).toHaveAttribute('href', `/admin/noi-dung/${listedItem().id}`);
  });

  it('offers the types of a new item', async () => {
    const user = userEvent.setup();
    openList('/admin/noi-dung');

    await user.click(await screen.findByRole('button', { name: 'Tạo mục mới' }));

    const dialog = screen.getByRole('dialog', { name: 'Tạo mục mới' });
    expect(within(dialog).getAllByRole('link')).toHaveLength(8);
    expect(within(dialog).getByRole('link', { name: /^Văn bản pháp luật/ })).toHaveAttribute(
      'href',
      '/admin/noi-dung/moi?loai=legal_document',
    );
  });

  it('hides the new item button without content.create', async () => {
    // The standing section reads every unit's content but creates items on the main portal only.
    openList('/admin/noi-dung', 1, fakeMe({ boardRoles: ['standing_staff'] }));
    await screen.findByText('Hội thảo an toàn thông tin');

    expect(screen.queryByRole('button', { name: 'Tạo mục mới' })).not.toBeInTheDocument();
  });
});
