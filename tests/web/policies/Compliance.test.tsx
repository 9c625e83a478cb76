import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../../web/src/App.tsx';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { fakeAdminFetch, fakeMe, fakeTenants } from '../fake-admin-api.ts';
import { fakeOverview, fakePortal } from './policy-fakes.ts';

const [mic, ais, vnta] = fakeTenants as [
  (typeof fakeTenants)[0],
  (typeof fakeTenants)[0],
  (typeof fakeTenants)[0],
];

const overview = fakeOverview([
  fakePortal(mic, { overdueItems: 1, findings: 1 }),
  fakePortal(ais, { overdueItems: 4, stalePages: 2, findings: 6 }),
  fakePortal(vnta, { overdueItems: 0 }),
]);

function openCompliance() {
  const fake = fakeAdminFetch({
    'GET /auth/me': fakeMe({ boardRoles: ['board_head'] }),
    'GET /tenants': { tenants: fakeTenants },
    'GET /compliance': overview,
    'GET /policies': { policies: [] },
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', '/admin/tuan-thu');
  render(() => <App services={createAppServices()} />);
  return fake;
}

/** Reads the portal names of the table's rows, top to bottom. */
function rowOrder(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('button')[0]!.textContent ?? '');
}

describe('compliance screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists every portal for the board', async () => {
    const fake = openCompliance();

    const table = await screen.findByRole('table', { name: /Số liệu tuân thủ/ }, { timeout: 5000 });

    expect(rowOrder(table)).toEqual([mic.nameVi, ais.nameVi, vnta.nameVi]);
    const request = fake.requests.find((candidate) => candidate.url.includes('/compliance'))!;
    expect(new URL(request.url).searchParams.has('tenantId')).toBe(false);
  });

  it('sorts by a column and sets aria-sort', async () => {
    const user = userEvent.setup();
    openCompliance();
    const table = await screen.findByRole('table', { name: /Số liệu tuân thủ/ }, { timeout: 5000 });
    const button = within(table).getByRole('button', { name: /Tin bài quá hạn đăng/ });
    const header = button.closest('th')!;

    await user.click(button);

    expect(rowOrder(table)).toEqual([ais.nameVi, mic.nameVi, vnta.nameVi]);
    expect(header).toHaveAttribute('aria-sort', 'descending');

    await user.click(button);

    expect(rowOrder(table)).toEqual([vnta.nameVi, mic.nameVi, ais.nameVi]);
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    const portalHeader = within(table).getByRole('button', { name: /^Cổng/ }).closest('th')!;
    expect(portalHeader).not.toHaveAttribute('aria-sort');
  });

  it('sends the sort to the CSV export', async () => {
    const user = userEvent.setup();
    openCompliance();
    const table = await screen.findByRole('table', { name: /Số liệu tuân thủ/ }, { timeout: 5000 });

    await user.click(within(table).getByRole('button', { name: /Trang lâu chưa cập nhật/ }));

    const link = screen.getByRole('link', { name: 'Tải về tệp CSV' });
    expect(link).toHaveAttribute('href', '/api/admin/compliance.csv?sort=stalePages&order=desc');
    expect(link).toHaveAttribute('download');
  });

  it("opens a portal's details from its row", async () => {
    const user = userEvent.setup();
    openCompliance();
    const table = await screen.findByRole('table', { name: /Số liệu tuân thủ/ }, { timeout: 5000 });

    await user.click(within(table).getByRole('button', { name: ais.nameVi }));

    const dialog = await screen.findByRole('dialog', { name: ais.nameVi });
    expect(within(dialog).getByText('Cổng có 6 vấn đề cần xử lý.')).toBeInTheDocument();
  });
});
