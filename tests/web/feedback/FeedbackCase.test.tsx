import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../../web/src/App.tsx';
import type { CaseDetail } from '../../../web/src/feedback/feedback-names.ts';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeAdminFetch, fakeMe } from '../fake-admin-api.ts';
import { ais, caseDetail, caseId, errorResponse, mic } from './feedback-fixtures.ts';

type Routes = Parameters<typeof fakeAdminFetch>[0];

const casePath = `/feedback/cases/${caseId}`;

function openCase(detail: CaseDetail | (() => CaseDetail), routes: Routes = {}) {
  const fake = fakeAdminFetch({
    'GET /auth/me': fakeMe({ boardRoles: ['standing_staff'] }),
    'GET /tenants': { tenants: [mic, ais] },
    [`GET ${casePath}`]: typeof detail === 'function' ? () => detail() : detail,
    ...routes,
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', `/admin/phan-anh/${caseId}?tenant=mic`);
  rememberRequestedTenant();
  const view = render(() => <App services={createAppServices()} />);
  return { fake, view };
}

function stepRequests(requests: Request[], step: string) {
  return requests.filter(
    (request) => request.method === 'POST' && request.url.endsWith(`${casePath}/${step}`),
  );
}

describe('feedback case screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("shows the sender's HTML as text", async () => {
    const body = '<img src="x" onerror="alert(1)"><b>Đề nghị</b> xem lại <script>x()</script>';
    openCase(caseDetail({ body }));

    const message = await screen.findByTestId('feedback-message');

    expect(message.textContent).toBe(body);
    expect(message.querySelector('img')).toBeNull();
    expect(message.querySelector('b')).toBeNull();
    expect(message.querySelector('script')).toBeNull();
  });

  it('shows contact details and the history', async () => {
    openCase(caseDetail());

    expect(await screen.findByText('tran.van.minh@example.vn')).toHaveAttribute(
      'href',
      'mailto:tran.van.minh@example.vn',
    );
    expect(screen.getByText('Công ty TNHH Minh An')).toBeInTheDocument();
    const history = screen.getByRole('heading', { name: 'Lịch sử xử lý' }).closest('section')!;
    expect(within(history).getByText('Tiếp nhận')).toBeInTheDocument();
    expect(within(history).getByText(/^Người gửi, /)).toBeInTheDocument();
  });

  it('offers only the steps the server lists', async () => {
    openCase(caseDetail());
    await screen.findByTestId('feedback-message');

    const steps = screen.getByRole('heading', { name: 'Bước xử lý' }).closest('section')!;
    const names = within(steps)
      .getAllByRole('button')
      .map((button) => button.textContent);

    expect(names).toEqual([
      'Phân loại',
      'Cập nhật tiến độ',
      'Gộp với phản ánh khác',
      'Không thụ lý',
    ]);
  });

  it('does not send a rejection without a reason', async () => {
    const user = userEvent.setup();
    const { fake } = openCase(caseDetail(), {
      [`POST ${casePath}/reject`]: caseDetail({ status: 'rejected' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Không thụ lý' }));
    const dialog = await screen.findByRole('dialog');

    await user.type(within(dialog).getByLabelText('Giải thích'), 'Nội dung quảng cáo dịch vụ.');
    await user.click(within(dialog).getByRole('button', { name: 'Không thụ lý' }));

    expect(within(dialog).getByText('Chọn lý do không thụ lý.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Lý do')).toHaveAttribute('aria-invalid', 'true');
    expect(stepRequests(fake.requests, 'reject')).toHaveLength(0);
  });

  it('sends a rejection with its reason and shows the new state', async () => {
    const user = userEvent.setup();
    let current = caseDetail();
    const { fake } = openCase(() => current, {
      [`POST ${casePath}/reject`]: () => {
        current = caseDetail({ status: 'rejected', availableSteps: [] });
        return current;
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Không thụ lý' }));
    const dialog = await screen.findByRole('dialog');

    await user.selectOptions(within(dialog).getByLabelText('Lý do'), 'spam');
    await user.type(within(dialog).getByLabelText('Giải thích'), 'Nội dung quảng cáo dịch vụ.');
    await user.click(within(dialog).getByRole('button', { name: 'Không thụ lý' }));

    const status = await screen.findByText(/Tình trạng hiện tại: Không thụ lý\./);
    const sent = await stepRequests(fake.requests, 'reject')[0]!.json();
    expect(sent).toEqual({ tenantId: mic.id, reason: 'spam', note: 'Nội dung quảng cáo dịch vụ.' });
    expect(status).toHaveFocus();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("shows the server's field message in the merge dialog", async () => {
    const user = userEvent.setup();
    openCase(caseDetail(), {
      [`POST ${casePath}/merge`]: () =>
        errorResponse(400, 'invalid_input', 'Merge into another open or answered case', [
          { field: 'intoTrackingCode', message: 'not a case this one can be merged into' },
        ] as never),
    });
    await user.click(await screen.findByRole('button', { name: 'Gộp với phản ánh khác' }));
    const dialog = await screen.findByRole('dialog');

    await user.type(within(dialog).getByLabelText('Mã tra cứu của phản ánh kia'), 'AAAA-BBBB');
    await user.click(within(dialog).getByRole('button', { name: 'Gộp' }));

    const input = within(dialog).getByLabelText('Mã tra cứu của phản ánh kia');
    await vi.waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(
      within(dialog).getByText(
        'Không có phản ánh nào khác đang xử lý trên cổng này với mã tra cứu đó.',
      ),
    ).toBeInTheDocument();
  });

  it('keeps the answer draft after a failed save', async () => {
    const user = userEvent.setup();
    const answer = 'Cục đã công khai thời hạn giải quyết từng thủ tục tại mục Dịch vụ công.';
    const forwarded = caseDetail({ status: 'forwarded', availableSteps: ['answer'] });
    const { fake, view } = openCase(forwarded, {
      [`POST ${casePath}/answer`]: () =>
        errorResponse(409, 'conflict', 'A case in the published state cannot take answer'),
    });

    await user.type(await screen.findByLabelText('Nội dung trả lời'), answer);
    await user.click(screen.getByRole('button', { name: 'Lưu câu trả lời' }));

    expect(await screen.findByText(/Những gì bạn đã nhập vẫn được giữ/)).toBeInTheDocument();
    expect(screen.getByLabelText('Nội dung trả lời')).toHaveValue(answer);
    expect(stepRequests(fake.requests, 'answer')).toHaveLength(1);

    view.unmount();
    openCase(forwarded);

    expect(await screen.findByLabelText('Nội dung trả lời')).toHaveValue(answer);
    expect(screen.getByText(/Đã điền lại những gì bạn nhập lần trước/)).toBeInTheDocument();
  });

  it('counts the characters of the answer', async () => {
    const user = userEvent.setup();
    openCase(caseDetail({ status: 'forwarded', availableSteps: ['answer'] }));

    await user.type(await screen.findByLabelText('Nội dung trả lời'), 'Cục đã tiếp nhận.');

    expect(screen.getByText('17/20000 ký tự')).toBeInTheDocument();
  });
});
