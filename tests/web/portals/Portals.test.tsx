import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../../web/src/App.tsx';
import type { DirectoryEntry } from '../../../web/src/routes/Portals.tsx';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeAdminFetch, fakeMe, fakeTenants } from '../fake-admin-api.ts';

function entry(tenant: (typeof fakeTenants)[number], domains: string[]): DirectoryEntry {
  return {
    id: tenant.id,
    slug: tenant.slug,
    kind: tenant.kind as DirectoryEntry['kind'],
    status: 'active',
    nameVi: tenant.nameVi,
    nameEn: tenant.nameEn,
    abbreviation: tenant.slug.toUpperCase(),
    externalUrl: null,
    domains: domains.map((hostname, index) => ({ hostname, isCanonical: index === 0 })),
    operator: {
      agency: { vi: tenant.nameVi },
      responsiblePerson: 'Thủ trưởng đơn vị',
      address: { vi: 'Hà Nội' },
      phone: '024 0000 0000',
      email: `${tenant.slug}@mic.gov.vn`,
    },
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

function openPortals(path = '/admin/cac-cong') {
  const [main, ais, vnta] = fakeTenants;
  const fake = fakeAdminFetch({
    'GET /auth/me': fakeMe({ boardRoles: ['board_member'], isEnrolled: true }),
    'GET /tenants': { tenants: fakeTenants },
    'GET /tenants/directory': {
      tenants: [
        entry(main!, ['mic.localhost']),
        entry(ais!, ['ais.mic.localhost', 'ais.gov.vn']),
        entry(vnta!, ['vnta.mic.localhost']),
      ],
    },
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', path);
  rememberRequestedTenant();
  render(() => <App services={createAppServices()} />);
  return fake;
}

describe('portals screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists every portal with its domains', async () => {
    openPortals();

    const alias = await screen.findByRole('link', { name: 'ais.gov.vn' });

    expect(screen.getByText('Đang hiện 3 trên 3 cổng')).toBeInTheDocument();
    expect(alias.closest('li')).not.toHaveTextContent('địa chỉ chính');
    expect(screen.getByRole('link', { name: 'ais.mic.localhost' }).closest('li')).toHaveTextContent(
      'địa chỉ chính',
    );
  });

  it('finds a portal by its name without diacritics', async () => {
    const user = userEvent.setup();
    openPortals();
    await screen.findByText('Đang hiện 3 trên 3 cổng');

    await user.type(
      screen.getByLabelText('Tìm theo tên, tên viết tắt hoặc tên miền'),
      'cuc an toan',
    );

    expect(await screen.findByText('Đang hiện 1 trên 3 cổng')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ais.gov.vn' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'vnta.mic.localhost' })).not.toBeInTheDocument();
  });

  it('filters by the portal type from the address', async () => {
    openPortals('/admin/cac-cong?loai=main');

    expect(await screen.findByText('Đang hiện 1 trên 3 cổng')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'mic.localhost' })).toBeInTheDocument();
  });
});
