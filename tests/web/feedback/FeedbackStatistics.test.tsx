import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../../web/src/App.tsx';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeAdminFetch, fakeMe } from '../fake-admin-api.ts';
import { ais, mic } from './feedback-fixtures.ts';

const figures = {
  received: 3,
  answeredOnTime: 1,
  answeredLate: 1,
  open: 1,
  openOverdue: 1,
  closedWithoutAnswer: 0,
};

function openStatistics(path: string) {
  const fake = fakeAdminFetch({
    'GET /auth/me': fakeMe({ boardRoles: ['standing_staff'] }),
    'GET /tenants': { tenants: [mic, ais] },
    'GET /feedback/statistics': (request: Request) => {
      const query = new URL(request.url).searchParams;
      return {
        from: query.get('from'),
        to: query.get('to'),
        units: [
          {
            unit: { id: ais.id, slug: ais.slug, nameVi: ais.nameVi, nameEn: ais.nameEn },
            ...figures,
          },
        ],
        totals: figures,
      };
    },
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', path);
  rememberRequestedTenant();
  render(() => <App services={createAppServices()} />);
  return fake;
}

function lastQuery(requests: Request[]) {
  const matching = requests.filter((request) => request.url.includes('/feedback/statistics'));
  return new URL(matching.at(-1)!.url).searchParams;
}

describe('feedback statistics screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows one row per unit and the totals', async () => {
    openStatistics('/admin/phan-anh/thong-ke?tenant=mic&tu-ngay=2026-01-01&den-ngay=2026-01-31');

    const table = await screen.findByRole('table', {
      name: 'Phản ánh, kiến nghị theo đơn vị xử lý',
    });
    const row = within(table).getByRole('row', { name: /Cục An toàn thông tin/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);

    expect(cells).toEqual(['3', '1', '1', '1', '1', '0']);
    expect(within(table).getByRole('row', { name: /Tổng cộng/ })).toBeInTheDocument();
  });

  it('sends the period from the address', async () => {
    const fake = openStatistics(
      '/admin/phan-anh/thong-ke?tenant=mic&tu-ngay=2026-01-01&den-ngay=2026-01-31',
    );
    await screen.findByText('3 phản ánh, kiến nghị trong kỳ');

    expect(lastQuery(fake.requests).get('from')).toBe('2026-01-01');
    expect(lastQuery(fake.requests).get('to')).toBe('2026-01-31');
    expect(lastQuery(fake.requests).get('tenantId')).toBe(mic.id);
  });

  it('puts a changed period in the address', async () => {
    const fake = openStatistics(
      '/admin/phan-anh/thong-ke?tenant=mic&tu-ngay=2026-01-01&den-ngay=2026-01-31',
    );
    await screen.findByText('3 phản ánh, kiến nghị trong kỳ');
    const from = screen.getByLabelText('Nhận từ ngày');

    // A date input takes a whole date at once, as a browser's date picker sets it.
    fireEvent.input(from, { target: { value: '2026-01-15' } });

    await vi.waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('tu-ngay')).toBe('2026-01-15'),
    );
    await vi.waitFor(() => expect(lastQuery(fake.requests).get('from')).toBe('2026-01-15'));
  });
});
