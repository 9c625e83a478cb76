import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Me } from '../../../web/src/api/client.ts';
import { App } from '../../../web/src/App.tsx';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeAdminFetch, fakeMe, fakeMember, fakeTenants } from '../fake-admin-api.ts';

const ais = fakeTenants[1]!;

function openAdmin(path: string, me: Me, tenants = [ais]) {
  const fake = fakeAdminFetch({
    'GET /auth/me': me,
    'GET /tenants': { tenants },
    'GET /users': { users: [fakeMember()] },
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', path);
  // main.tsx does this before the first render.
  rememberRequestedTenant();
  render(() => <App services={createAppServices()} />);
  return fake;
}

describe('people screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('offers a unit admin every change on their portal', async () => {
    const user = userEvent.setup();
    openAdmin(
      '/admin/nguoi-dung',
      fakeMe({ memberships: [{ tenant: ais, roles: ['unit_admin'] }] }),
    );

    await user.click(await screen.findByRole('button', { name: 'Trần Văn Tác Giả' }));
    const dialog = screen.getByRole('dialog', { name: 'Trần Văn Tác Giả' });

    expect(screen.getByRole('button', { name: 'Thêm người' })).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: /Tác giả/ })).toBeChecked();
    expect(
      within(dialog).getByRole('button', { name: 'Cấp liên kết đặt lại mật khẩu' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Gỡ khỏi cổng…' })).toBeInTheDocument();
  });

  it('shows the security auditor the list without any change', async () => {
    const user = userEvent.setup();
    openAdmin('/admin/nguoi-dung', fakeMe({ boardRoles: ['security_auditor'] }), fakeTenants);

    await user.click(await screen.findByRole('button', { name: 'Trần Văn Tác Giả' }));
    const dialog = screen.getByRole('dialog', { name: 'Trần Văn Tác Giả' });

    expect(screen.queryByRole('button', { name: 'Thêm người' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(
      within(dialog).queryByRole('button', { name: 'Cấp liên kết đặt lại mật khẩu' }),
    ).not.toBeInTheDocument();
    expect(within(dialog).getByText('tac.gia@mic.gov.vn')).toBeInTheDocument();
  });

  it('answers an editor with the 403 page and no link to it', async () => {
    const fake = openAdmin(
      '/admin/nguoi-dung',
      fakeMe({ memberships: [{ tenant: ais, roles: ['editor'] }] }),
    );

    expect(
      await screen.findByRole('heading', { name: 'Bạn chưa có quyền mở trang này' }),
    ).toBeInTheDocument();
    const navigation = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(
      within(navigation).queryByRole('link', { name: 'Người dùng và vai trò' }),
    ).not.toBeInTheDocument();
    expect(fake.requests.some((request) => request.url.includes('/users'))).toBe(false);
  });

  it('opens the portal named by ?tenant= for the board', async () => {
    const fake = openAdmin(
      '/admin/?tenant=vnta',
      fakeMe({ boardRoles: ['board_head'] }),
      fakeTenants,
    );

    expect(await screen.findByText('Bạn đang làm việc trên Cục Viễn thông.')).toBeInTheDocument();
    expect(localStorage.getItem(`admin.lastTenant.${fakeMe().user.id}`)).toBe(fakeTenants[2]!.id);
    expect(fake.requests.map((request) => new URL(request.url).pathname)).toContain(
      '/api/admin/tenants',
    );
  });
});
