import { render, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Me, Tenant } from '../../../web/src/api/client.ts';
import { App } from '../../../web/src/App.tsx';
import type { QueuedItem } from '../../../web/src/routes/ReviewQueue.tsx';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeAdminFetch, fakeMe, fakeTenants } from '../fake-admin-api.ts';

const main = fakeTenants[0]!;
const ais = fakeTenants[1]!;

function queuedItem(overrides: Partial<QueuedItem> = {}): QueuedItem {
  return {
    id: '50000000-0000-4000-8000-000000000001',
    type: 'article',
    status: 'submitted',
    titleVi: 'Cảnh báo lỗ hổng phần mềm',
    dueAt: '2026-12-01T08:00:00.000Z',
    source: { slug: 'ais', nameVi: 'Cục An toàn thông tin' },
    provenance: {
      senderName: 'Nguyễn Văn Gửi',
      senderTitle: 'Chánh Văn phòng',
      purpose: 'Đăng trên Cổng của Bộ',
    },
    ageHours: 72,
    isOverdue: true,
    ...overrides,
  };
}

function openQueue(me: Me, tenants: Tenant[]) {
  const fake = fakeAdminFetch({
    'GET /auth/me': me,
    'GET /tenants': { tenants },
    'GET /content/review-queue': {
      items: [
        queuedItem(),
        queuedItem({
          id: '50000000-0000-4000-8000-000000000002',
          titleVi: 'Lịch tiếp công dân',
          dueAt: null,
          provenance: null,
          ageHours: 5,
          isOverdue: false,
        }),
      ],
    },
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', '/admin/hang-cho-duyet');
  rememberRequestedTenant();
  render(() => <App services={createAppServices()} />);
  return fake;
}

describe('review queue screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks an overdue item', async () => {
    openQueue(fakeMe({ boardRoles: ['standing_staff'] }), [main]);

    const overdue = (await screen.findByText('Cảnh báo lỗ hổng phần mềm')).closest('tr')!;
    const onTime = screen.getByText('Lịch tiếp công dân').closest('tr')!;

    expect(overdue).toHaveClass('table__row--overdue');
    expect(within(overdue).getByText('Quá hạn')).toBeInTheDocument();
    expect(within(overdue).getByText('3 ngày')).toBeInTheDocument();
    expect(within(overdue).getByText('Cục An toàn thông tin')).toBeInTheDocument();
    expect(within(overdue).getByText('Đăng trên Cổng của Bộ')).toBeInTheDocument();
    expect(onTime).not.toHaveClass('table__row--overdue');
    expect(within(onTime).getByText('5 giờ')).toBeInTheDocument();
    expect(within(onTime).getByText('Không đặt hạn')).toBeInTheDocument();
    expect(screen.getByText('2 mục đang chờ, 1 mục quá hạn')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Hàng chờ duyệt' })).toBeInTheDocument();
  });

  it('rejects a unit editor', async () => {
    const fake = openQueue(fakeMe({ memberships: [{ tenant: ais, roles: ['editor'] }] }), [ais]);

    await screen.findByRole('heading', { name: 'Bạn chưa có quyền mở trang này' });

    expect(screen.queryByRole('link', { name: 'Hàng chờ duyệt' })).not.toBeInTheDocument();
    expect(fake.requests.some((request) => request.url.includes('review-queue'))).toBe(false);
  });
});
