import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../../web/src/App.tsx';
import type { Policy } from '../../../web/src/policies/types.ts';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { fakeAdminFetch, fakeMe, fakeTenants } from '../fake-admin-api.ts';
import { fakePolicy } from './policy-fakes.ts';

const ais = fakeTenants[1]!;
const rejection =
  'Invalid value for feedback.answer_days (Time to answer feedback and petitions): 30 is ' +
  "above the board's value 20. Allowed: a whole number from 1 to 20";

const answerDays = fakePolicy();
const staleDays = fakePolicy({
  key: 'content.stale_page_days',
  label: { vi: 'Số ngày trang chưa cập nhật', en: 'Days before a page is out of date' },
  description: { vi: 'Trang lâu chưa cập nhật.', en: 'Pages left out of date.' },
  defaultValue: 180,
  boardValue: 120,
  board: {
    value: 120,
    bounds: null,
    isLocked: false,
    version: 2,
    updatedBy: null,
    updatedAt: '2026-11-01T08:00:00.000Z',
    isStoredValueInvalid: false,
  },
  boardVersion: 2,
  override: {
    value: 90,
    status: 'in_force',
    problem: null,
    version: 1,
    updatedBy: null,
    updatedAt: '2026-11-02T08:00:00.000Z',
  },
  value: 90,
  source: 'tenant',
});

const categories = fakePolicy({
  key: 'content.required_categories',
  label: { vi: 'Chuyên mục bắt buộc', en: 'Required categories' },
  type: 'string_set',
  direction: 'grow',
  unit: null,
  options: [
    { value: 'news', label: { vi: 'Tin tức', en: 'News' } },
    { value: 'contacts', label: { vi: 'Liên hệ', en: 'Contacts' } },
    { value: 'procedures', label: { vi: 'Thủ tục hành chính', en: 'Procedures' } },
  ],
  defaultValue: ['news', 'contacts'],
  boardValue: ['news', 'contacts'],
  value: ['news', 'contacts'],
});
const embedHosts = fakePolicy({
  key: 'content.embed_hosts',
  label: { vi: 'Trang được phép nhúng', en: 'Hosts that may be embedded' },
  type: 'string_set',
  direction: 'shrink',
  unit: null,
  defaultValue: [],
  boardValue: ['www.youtube.com'],
  value: ['www.youtube.com'],
});
const deadlines = fakePolicy({
  key: 'content.deadlines',
  label: { vi: 'Thời hạn đăng tải theo chuyên mục', en: 'Publication deadlines by category' },
  type: 'deadline_map',
  direction: 'shorter',
  unit: null,
  hasBounds: false,
  options: categories.options,
  defaultValue: { news: { amount: 2, unit: 'working_days', from: 'signing' } },
  boardValue: { news: { amount: 2, unit: 'working_days', from: 'signing' } },
  value: { news: { amount: 2, unit: 'working_days', from: 'signing' } },
});
const attributes = fakePolicy({
  key: 'content.html_attributes',
  label: { vi: 'Thuộc tính HTML được phép', en: 'Allowed HTML attributes' },
  type: 'attribute_map',
  direction: 'shrink',
  unit: null,
  hasBounds: false,
  defaultValue: { a: ['href', 'title'] },
  boardValue: { a: ['href', 'title'] },
  value: { a: ['href', 'title'] },
});
const svg = fakePolicy({
  key: 'media.allow_svg',
  label: { vi: 'Nhận ảnh SVG', en: 'Accept SVG images' },
  type: 'boolean',
  direction: 'disable',
  unit: null,
  hasBounds: false,
  defaultValue: true,
  boardValue: true,
  value: true,
});

/** Opens the policies screen as the unit admin of `ais`; an override request gets `onOverride`. */
function openPolicies(
  policies: Policy[],
  onOverride?: (request: Request) => Response,
  me = fakeMe({ memberships: [{ tenant: ais, roles: ['unit_admin'] }] }),
) {
  const fake = fakeAdminFetch({
    'GET /auth/me': me,
    'GET /tenants': { tenants: [ais] },
    'GET /policies': { policies },
  });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (onOverride && request.method === 'PUT' && request.url.endsWith('/override')) {
      fake.requests.push(request);
      return onOverride(request);
    }
    return fake.fetch(request);
  };
  vi.stubGlobal('fetch', fetch);
  window.history.replaceState(null, '', '/admin/chinh-sach');
  render(() => <App services={createAppServices()} />);
  return fake;
}

async function cardOf(name: string) {
  // The first test also waits for the page's lazily loaded module.
  const title = await screen.findByRole('heading', { level: 3, name }, { timeout: 5000 });
  return title.closest('article')!;
}

describe('policies screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the effective value and its source', async () => {
    openPolicies([answerDays, staleDays]);

    const overridden = await cardOf('Số ngày trang chưa cập nhật');
    const following = await cardOf('Thời hạn trả lời phản ánh, kiến nghị');

    expect(within(overridden).getByText('90 ngày')).toBeInTheDocument();
    expect(within(overridden).getByText('Mức riêng của cổng này')).toBeInTheDocument();
    expect(within(overridden).getByText('120 ngày')).toBeInTheDocument();
    expect(within(following).getByText('20 ngày')).toBeInTheDocument();
    expect(
      within(following).getByText('Mặc định ban đầu (Ban Biên tập chưa điều chỉnh)'),
    ).toBeInTheDocument();
    expect(within(following).getByText('Chỉ được giảm so với mức chung')).toBeInTheDocument();
  });

  it('offers the override but not the default to a unit admin', async () => {
    openPolicies([answerDays]);

    const card = await cardOf('Thời hạn trả lời phản ánh, kiến nghị');

    expect(within(card).getByRole('button', { name: /Đặt mức riêng/ })).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /Đổi mức chung/ })).toBeNull();
  });

  it('shows the server message at the field and keeps the value typed', async () => {
    const user = userEvent.setup();
    const fake = openPolicies([answerDays], () =>
      Response.json(
        {
          error: {
            code: 'invalid_input',
            message: rejection,
            fields: [{ field: 'value', message: "30 is above the board's value 20" }],
          },
        },
        { status: 400 },
      ),
    );
    const card = await cardOf('Thời hạn trả lời phản ánh, kiến nghị');
    await user.click(within(card).getByRole('button', { name: /Đặt mức riêng/ }));
    const dialog = await screen.findByRole('dialog');
    const field = within(dialog).getByLabelText('Mức riêng của Cục An toàn thông tin');
    await user.clear(field);
    await user.type(field, '30');
    await user.type(within(dialog).getByLabelText('Lý do thay đổi'), 'Rút ngắn thời hạn');

    await user.click(within(dialog).getByRole('button', { name: 'Lưu mức riêng' }));

    await vi.waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    const describedBy = field.getAttribute('aria-describedby')!.split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(messages.join(' ')).toContain(rejection);
    expect(field).toHaveValue('30');
    expect(within(dialog).getByLabelText('Lý do thay đổi')).toHaveValue('Rút ngắn thời hạn');
    const sent = fake.requests.find((request) => request.method === 'PUT')!;
    expect(await sent.clone().json()).toMatchObject({
      tenantId: ais.id,
      value: 30,
      reason: 'Rút ngắn thời hạn',
      version: 0,
    });
  });

  it('sends the options left ticked as the new default', async () => {
    const user = userEvent.setup();
    const fake = openPolicies([categories], undefined, fakeMe({ boardRoles: ['board_head'] }));
    const card = await cardOf('Chuyên mục bắt buộc');
    await user.click(within(card).getByRole('button', { name: /Đổi mức chung/ }));
    const dialog = await screen.findByRole('dialog');
    const newDefault = within(dialog).getByRole('group', { name: 'Mức chung mới' });

    await user.click(within(newDefault).getByLabelText('Thủ tục hành chính'));
    await user.click(within(newDefault).getByLabelText('Liên hệ'));
    await user.type(within(dialog).getByLabelText('Lý do thay đổi'), 'Thêm thủ tục');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu mức chung' }));

    await vi.waitFor(() =>
      expect(fake.requests.some((request) => request.method === 'PUT')).toBe(true),
    );
    const sent = fake.requests.find((request) => request.method === 'PUT')!;
    expect(new URL(sent.url).pathname).toBe('/api/admin/policies/content.required_categories');
    expect(await sent.clone().json()).toEqual({
      value: ['news', 'procedures'],
      reason: 'Thêm thủ tục',
      version: 0,
      isLocked: false,
      bounds: null,
    });
  });

  it('opens an editor for every kind of value', async () => {
    const user = userEvent.setup();
    openPolicies(
      [embedHosts, deadlines, attributes, svg],
      undefined,
      fakeMe({ boardRoles: ['board_head'] }),
    );
    const controls: [string, string | RegExp][] = [
      ['Trang được phép nhúng', 'Tên miền mới'],
      ['Thời hạn đăng tải theo chuyên mục', 'Thêm thời hạn cho chuyên mục'],
      ['Thuộc tính HTML được phép', 'title'],
      ['Nhận ảnh SVG', /^Mức chung mới/],
    ];

    for (const [name, control] of controls) {
      const card = await cardOf(name);
      await user.click(within(card).getByRole('button', { name: /Đổi mức chung/ }));
      const dialog = await screen.findByRole('dialog');

      expect(within(dialog).getByLabelText(control), name).toBeInTheDocument();
      await user.click(within(dialog).getByRole('button', { name: 'Huỷ' }));
    }
  });
});
