import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Me } from '../../../web/src/api/client.ts';
import { App } from '../../../web/src/App.tsx';
import type { AuditEntry } from '../../../web/src/routes/AuditLog.tsx';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeAdminFetch, fakeMe, fakeTenants } from '../fake-admin-api.ts';

const ais = fakeTenants[1]!;

function entry(id: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    tenantId: ais.id,
    occurredAt: '2026-12-01T03:00:00.000Z',
    actorUserId: '10000000-0000-4000-8000-000000000009',
    actorName: 'Nguyễn Thị Quản Trị',
    actorEmail: 'quan.tri@ais.gov.vn',
    action: 'membership.update',
    resourceType: 'user',
    resourceId: '10000000-0000-4000-8000-000000000010',
    before: { roles: ['author'] },
    after: { roles: ['editor'] },
    ipAddress: '127.0.0.1',
    requestId: null,
    hash: 'ab'.repeat(32),
    ...overrides,
  };
}

type Page = { entries: AuditEntry[]; chain: { isIntact: boolean; firstBrokenId: number | null } };

function openAudit(me: Me, page: (request: Request) => Page, path = '/admin/nhat-ky-kiem-tra') {
  const fake = fakeAdminFetch({
    'GET /auth/me': me,
    'GET /tenants': { tenants: fakeTenants },
    'GET /audit': page,
    'GET /security-events': {
      events: [
        {
          id: '70000000-0000-4000-8000-000000000001',
          occurredAt: '2026-12-01T03:00:00.000Z',
          type: 'login_failed',
          userId: null,
          email: 'khong.ro@mic.gov.vn',
          tenantId: null,
          ipAddress: '127.0.0.1',
          userAgent: 'Firefox',
          requestId: null,
          details: {},
        },
      ],
    },
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', `${path}${path.includes('?') ? '&' : '?'}tenant=ais`);
  rememberRequestedTenant();
  render(() => <App services={createAppServices()} />);
  return fake;
}

const auditor = () => fakeMe({ boardRoles: ['security_auditor'], isEnrolled: true });
const unitAdmin = () => fakeMe({ memberships: [{ tenant: ais, roles: ['unit_admin'] }] });
const auditRequests = (requests: Request[]) =>
  requests.filter((request) => new URL(request.url).pathname.endsWith('/audit'));

describe('audit log screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("names each entry's actor and says the chain is intact", async () => {
    openAudit(unitAdmin(), () => ({
      entries: [entry(2)],
      chain: { isIntact: true, firstBrokenId: null },
    }));

    expect(await screen.findByText('Nguyễn Thị Quản Trị')).toBeInTheDocument();
    expect(screen.getByText(/Chuỗi nhật ký toàn vẹn/)).toBeInTheDocument();
  });

  it('alerts when the chain is broken', async () => {
    openAudit(unitAdmin(), () => ({
      entries: [entry(2)],
      chain: { isIntact: false, firstBrokenId: 7 },
    }));

    expect(await screen.findByRole('alert')).toHaveTextContent('bị phá vỡ từ mục số 7');
  });

  it("reads the current portal's chain, or the platform's when chosen", async () => {
    const user = userEvent.setup();
    const fake = openAudit(auditor(), () => ({
      entries: [],
      chain: { isIntact: true, firstBrokenId: null },
    }));
    await screen.findByText('Không có mục nào khớp với điều kiện lọc.');

    await user.selectOptions(screen.getByLabelText('Chuỗi nhật ký'), 'he-thong');
    await vi.waitFor(() => expect(auditRequests(fake.requests)).toHaveLength(2));

    const [portal, platform] = auditRequests(fake.requests).map((request) => new URL(request.url));
    expect(portal!.searchParams.get('tenantId')).toBe(ais.id);
    expect(platform!.searchParams.has('tenantId')).toBe(false);
  });

  it('asks for the entries before the last one shown', async () => {
    const user = userEvent.setup();
    const fullPage = Array.from({ length: 50 }, (_, index) => entry(200 - index));
    const fake = openAudit(unitAdmin(), (request) =>
      new URL(request.url).searchParams.has('before')
        ? { entries: [entry(100)], chain: { isIntact: true, firstBrokenId: null } }
        : { entries: fullPage, chain: { isIntact: true, firstBrokenId: null } },
    );

    await user.click(await screen.findByRole('button', { name: 'Xem các mục cũ hơn' }));

    expect(await screen.findByText('Đang hiện 51 mục')).toBeInTheDocument();
    expect(new URL(auditRequests(fake.requests)[1]!.url).searchParams.get('before')).toBe('151');
    expect(screen.queryByRole('button', { name: 'Xem các mục cũ hơn' })).not.toBeInTheDocument();
  });

  it('shows security events only to those who may read them', async () => {
    openAudit(
      auditor(),
      () => ({ entries: [], chain: { isIntact: true, firstBrokenId: null } }),
      '/admin/nhat-ky-kiem-tra?xem=an-ninh',
    );

    expect(await screen.findByText('khong.ro@mic.gov.vn')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Đăng nhập không thành công' })).toBeInTheDocument();
  });

  it('keeps the security tab from a unit admin', async () => {
    openAudit(
      unitAdmin(),
      () => ({ entries: [], chain: { isIntact: true, firstBrokenId: null } }),
      '/admin/nhat-ky-kiem-tra?xem=an-ninh',
    );

    await screen.findByText(/Chuỗi nhật ký toàn vẹn/);

    expect(screen.queryByRole('button', { name: 'Sự kiện an ninh' })).not.toBeInTheDocument();
    expect(screen.queryByText('khong.ro@mic.gov.vn')).not.toBeInTheDocument();
  });
});
