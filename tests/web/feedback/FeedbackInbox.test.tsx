import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../../web/src/App.tsx';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeAdminFetch, fakeMe } from '../fake-admin-api.ts';
import { ais, listedCase, mic } from './feedback-fixtures.ts';

function openInbox(path: string, total = 1) {
  const fake = fakeAdminFetch({
    'GET /auth/me': fakeMe({ boardRoles: ['standing_staff'] }),
    'GET /tenants': { tenants: [mic, ais] },
    'GET /feedback/cases': {
      cases: [listedCase()],
      total,
      units: [
        { id: mic.id, slug: mic.slug, nameVi: mic.nameVi, nameEn: mic.nameEn },
        { id: ais.id, slug: ais.slug, nameVi: ais.nameVi, nameEn: ais.nameEn },
      ],
    },
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', path);
  rememberRequestedTenant();
  render(() => <App services={createAppServices()} />);
  return fake;
}

/** Reads the query of the latest list request. */
function lastListQuery(requests: Request[]) {
  const listRequests = requests.filter((request) => request.url.includes('/feedback/cases'));
  return new URL(listRequests.at(-1)!.url).searchParams;
}

describe('feedback inbox screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows a row without contact details', async () => {
    openInbox('/admin/phan-anh?tenant=mic');

    const link = await screen.findByRole('link', { name: 'Thủ tục cấp phép kéo dài quá hạn' });
    const row = link.closest('tr')!;

    expect(link.getAttribute('href')).toBe('/admin/phan-anh/50000000-0000-4000-8000-000000000001');
    expect(within(row).getByText(/^Mã hồ sơ 50000000 · Kiến nghị/)).toBeInTheDocument();
    expect(within(row).getByText('Cơ quan, tổ chức')).toBeInTheDocument();
    expect(within(row).getByText('Đã chuyển đơn vị')).toBeInTheDocument();
    expect(within(row).getByText('Cục An toàn thông tin')).toBeInTheDocument();
    expect(row.textContent).not.toContain('@');
  });

  it('marks an overdue deadline in words', async () => {
    openInbox('/admin/phan-anh?tenant=mic');

    const clock = await screen.findByText('Quá hạn 4 ngày làm việc');

    expect(clock).toHaveClass('deadline__text--overdue');
    expect(clock.closest('tr')).toHaveClass('table__row--overdue');
  });

  it('sends the filters from the address', async () => {
    const fake = openInbox(
      `/admin/phan-anh?tenant=mic&tinh-trang=forwarded&chu-de=regulation&don-vi=${ais.id}` +
        '&qua-han=1&tu-ngay=2026-01-01&den-ngay=2026-01-31',
    );
    await screen.findByText('Thủ tục cấp phép kéo dài quá hạn');

    const query = lastListQuery(fake.requests);
    expect(query.get('tenantId')).toBe(mic.id);
    expect(query.get('status')).toBe('forwarded');
    expect(query.get('topic')).toBe('regulation');
    expect(query.get('responsibleTenantId')).toBe(ais.id);
    expect(query.get('overdue')).toBe('true');
    expect(query.get('receivedFrom')).toBe('2026-01-01');
    expect(query.get('receivedTo')).toBe('2026-01-31');
    expect(screen.getByLabelText('Tình trạng')).toHaveValue('forwarded');
    expect(screen.getByLabelText('Chỉ phản ánh quá hạn')).toBeChecked();
  });

  it('ignores unknown filter values', async () => {
    const fake = openInbox(
      '/admin/phan-anh?tenant=mic&tinh-trang=khong-co&don-vi=ais&tu-ngay=hom-nay',
    );
    await screen.findByText('Thủ tục cấp phép kéo dài quá hạn');

    const query = lastListQuery(fake.requests);
    expect(query.has('status')).toBe(false);
    expect(query.has('responsibleTenantId')).toBe(false);
    expect(query.has('receivedFrom')).toBe(false);
  });

  it('puts chosen filters in the address', async () => {
    const user = userEvent.setup();
    const fake = openInbox('/admin/phan-anh?tenant=mic&trang=2', 45);
    await screen.findByText('Thủ tục cấp phép kéo dài quá hạn');

    await user.selectOptions(screen.getByLabelText('Đơn vị xử lý'), ais.id);
    await vi.waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('don-vi')).toBe(ais.id),
    );
    await user.click(screen.getByLabelText('Chỉ phản ánh quá hạn'));

    await vi.waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('qua-han')).toBe('1'),
    );
    expect(new URLSearchParams(window.location.search).has('trang')).toBe(false);
    await vi.waitFor(() => expect(lastListQuery(fake.requests).get('overdue')).toBe('true'));
    expect(lastListQuery(fake.requests).get('responsibleTenantId')).toBe(ais.id);
    expect(lastListQuery(fake.requests).get('page')).toBe('1');
  });

  it('moves between pages', async () => {
    const user = userEvent.setup();
    const fake = openInbox('/admin/phan-anh?tenant=mic', 45);
    await screen.findByText('Trang 1 / 3');

    await user.click(screen.getByRole('button', { name: 'Trang sau' }));

    await screen.findByText('Trang 2 / 3');
    expect(new URLSearchParams(window.location.search).get('trang')).toBe('2');
    expect(lastListQuery(fake.requests).get('page')).toBe('2');
  });

  it('links to the overdue list', async () => {
    openInbox('/admin/phan-anh?tenant=mic');

    const link = await screen.findByRole('link', { name: 'Phản ánh quá hạn' });

    expect(link.getAttribute('href')).toBe('/admin/phan-anh?qua-han=1');
  });

  it('marks the overdue link current only when filtered', async () => {
    const user = userEvent.setup();
    const fake = openInbox('/admin/phan-anh?tenant=mic');
    const link = await screen.findByRole('link', { name: 'Phản ánh quá hạn' });

    expect(link).not.toHaveAttribute('aria-current');

    await user.click(link);

    await vi.waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('qua-han')).toBe('1'),
    );
    expect(window.location.pathname).toBe('/admin/phan-anh');
    await vi.waitFor(() => expect(lastListQuery(fake.requests).get('overdue')).toBe('true'));
    expect(link).toHaveAttribute('aria-current', 'page');
  });
});
