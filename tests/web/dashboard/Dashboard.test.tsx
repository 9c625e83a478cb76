import { render, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Me } from '../../../web/src/api/client.ts';
import { App } from '../../../web/src/App.tsx';
import type { ActivityEntry } from '../../../web/src/dashboard/ActivityPanel.tsx';
import type { WorkQueueEntry } from '../../../web/src/dashboard/WorkQueuePanel.tsx';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeAdminFetch, fakeMe, fakeTenants } from '../fake-admin-api.ts';

const ais = fakeTenants[1]!;
const hourMs = 60 * 60 * 1000;

function entry(overrides: Partial<WorkQueueEntry> = {}): WorkQueueEntry {
  return {
    kind: 'content',
    id: '50000000-0000-4000-8000-000000000001',
    title: 'Cảnh báo lỗ hổng trên thiết bị định tuyến',
    type: 'article',
    status: 'submitted',
    actions: ['start_review'],
    dueAt: new Date(Date.now() - 2 * hourMs).toISOString(),
    isOverdue: true,
    waitingSince: new Date(Date.now() - 72 * hourMs).toISOString(),
    ...overrides,
  };
}

function step(overrides: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    kind: 'content',
    id: '50000000-0000-4000-8000-000000000001',
    title: 'Cảnh báo lỗ hổng trên thiết bị định tuyến',
    action: 'submit',
    toState: 'submitted',
    actorName: 'Trần Thị Tác Giả',
    note: null,
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
}

function openDashboard(me: Me, body: { workQueue: WorkQueueEntry[]; activity: ActivityEntry[] }) {
  const fake = fakeAdminFetch({
    'GET /auth/me': me,
    'GET /tenants': { tenants: [ais] },
    'GET /dashboard': body,
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', '/admin/');
  rememberRequestedTenant();
  render(() => <App services={createAppServices()} />);
  return fake;
}

const editor = () => fakeMe({ memberships: [{ tenant: ais, roles: ['editor'] }] });

describe('dashboard', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('links each waiting item to its page, with deadline and age', async () => {
    openDashboard(editor(), {
      workQueue: [
        entry(),
        entry({
          kind: 'feedback',
          id: '60000000-0000-4000-8000-000000000001',
          title: 'Đề nghị hướng dẫn thủ tục',
          type: 'petition',
          status: 'forwarded',
          dueAt: null,
          isOverdue: false,
        }),
      ],
      activity: [],
    });

    const article = await screen.findByRole('link', { name: /thiết bị định tuyến/ });
    const petition = screen.getByRole('link', { name: 'Đề nghị hướng dẫn thủ tục' });
    const articleEntry = article.closest('li')!;

    expect(article).toHaveAttribute('href', '/admin/noi-dung/50000000-0000-4000-8000-000000000001');
    expect(petition).toHaveAttribute(
      'href',
      '/admin/phan-anh/60000000-0000-4000-8000-000000000001',
    );
    expect(within(articleEntry).getByText('Quá hạn')).toBeInTheDocument();
    expect(articleEntry).toHaveTextContent('Đã chờ 3 ngày');
    expect(petition.closest('li')).toHaveTextContent('Không đặt hạn');
    expect(screen.getByText('2 việc đang chờ, 1 việc quá hạn')).toBeInTheDocument();
  });

  it('asks for the current portal', async () => {
    const fake = openDashboard(editor(), { workQueue: [], activity: [] });

    await screen.findByText('Không có việc nào đang chờ bạn.');
    const request = fake.requests.find((sent) => new URL(sent.url).pathname.endsWith('/dashboard'));

    expect(new URL(request!.url).searchParams.get('tenantId')).toBe(ais.id);
  });

  it('says who took each recent step and where it led', async () => {
    openDashboard(editor(), {
      workQueue: [],
      activity: [step(), step({ actorName: null, toState: 'returned', note: 'Bổ sung nguồn.' })],
    });

    await screen.findByText('Trần Thị Tác Giả chuyển sang “Đã gửi”');

    expect(screen.getByText('Hệ thống chuyển sang “Trả lại để sửa”')).toBeInTheDocument();
    expect(screen.getByText('Bổ sung nguồn.')).toBeInTheDocument();
  });

  it('hides work panels from a security auditor', async () => {
    // The auditor reads the audit trail but neither content nor feedback.
    const fake = openDashboard(fakeMe({ boardRoles: ['security_auditor'] }), {
      workQueue: [],
      activity: [],
    });

    await screen.findByText('Kiểm tra an toàn thông tin');

    expect(screen.queryByRole('heading', { name: 'Việc cần làm' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Hoạt động gần đây' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Đi nhanh' })).toBeInTheDocument();
    const dashboardRequests = fake.requests.filter((sent) =>
      new URL(sent.url).pathname.endsWith('/dashboard'),
    );
    expect(dashboardRequests).toHaveLength(0);
  });
});
