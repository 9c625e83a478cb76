import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../../web/src/App.tsx';
import type { MediaItem } from '../../../web/src/media/media-types.ts';
import { createAppServices } from '../../../web/src/stores/app-context.tsx';
import { rememberRequestedTenant } from '../../../web/src/stores/create-tenant-scope.ts';
import { fakeAdminFetch, fakeMe, fakeTenants } from '../fake-admin-api.ts';
import { createFakeUploads, defaultStorage, errorBody, mediaItem } from './fake-media-api.ts';

const ais = fakeTenants[1]!;

type OpenOptions = { roles?: string[]; boardRoles?: string[]; rows?: MediaItem[]; total?: number };

function openLibrary(path: string, options: OpenOptions = {}) {
  const rows = options.rows ?? [
    mediaItem({ originalName: 'le-khai-mac.png' }),
    mediaItem({
      originalName: 'bao-cao-quy-3.pdf',
      contentType: 'application/pdf',
      sizeBytes: 250 * 1024,
      width: null,
      height: null,
    }),
  ];
  const fake = fakeAdminFetch({
    'GET /auth/me': fakeMe({
      boardRoles: options.boardRoles,
      memberships: options.roles ? [{ tenant: ais, roles: options.roles }] : [],
    }),
    'GET /tenants': { tenants: [ais] },
    'GET /media': () => ({
      media: rows,
      total: options.total ?? rows.length,
      storage: defaultStorage,
    }),
  });
  vi.stubGlobal('fetch', fake.fetch);
  window.history.replaceState(null, '', path);
  rememberRequestedTenant();
  render(() => <App services={createAppServices()} />);
  return fake;
}

/** Reads the query of the latest list request. */
function lastListQuery(requests: Request[]) {
  const listRequests = requests.filter((request) =>
    new URL(request.url).pathname.endsWith('/media'),
  );
  return new URL(listRequests.at(-1)!.url).searchParams;
}

/** Waits for the grid. The first test also waits for the lazily loaded page to compile. */
function waitForGrid(name = 'le-khai-mac.png') {
  return screen.findByRole('button', { name }, { timeout: 5000 });
}

function cardOf(name: string) {
  return screen.getByRole('button', { name }).closest('li')!;
}

describe('media library screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the files with their facts', async () => {
    openLibrary('/admin/thu-vien', { roles: ['editor'] });

    await waitForGrid();
    const image = cardOf('le-khai-mac.png');
    const pdf = cardOf('bao-cao-quy-3.pdf');
    const thumbnail = image.querySelector('img')!;

    expect(thumbnail.getAttribute('src')).toMatch(/^\/api\/admin\/media\/[0-9a-f-]+\/thumbnail\?/);
    expect(thumbnail).toHaveAttribute('loading', 'lazy');
    expect(within(image).getByText('1,5 MB')).toBeInTheDocument();
    expect(within(image).getByText('Ảnh · PNG')).toBeInTheDocument();
    expect(within(image).getByText('Lê Thị Biên Tập')).toBeInTheDocument();
    expect(pdf.querySelector('img')).toBeNull();
    expect(within(pdf).getByText('PDF · PDF')).toBeInTheDocument();
    expect(within(pdf).getByText('250 kB')).toBeInTheDocument();
    expect(screen.getByText('300 MB trên 2 GB (15%)')).toBeInTheDocument();
  });

  it('sends the filters from the address', async () => {
    const fake = openLibrary('/admin/thu-vien?loai=pdf&tim=bao%20cao&tu-ngay=2026-11-01&trang=2', {
      roles: ['editor'],
      total: 60,
    });
    await waitForGrid();

    const query = lastListQuery(fake.requests);
    expect(query.get('kind')).toBe('pdf');
    expect(query.get('q')).toBe('bao cao');
    expect(query.get('from')).toBe('2026-11-01');
    expect(query.get('to')).toBeNull();
    expect(query.get('page')).toBe('2');
    expect(query.get('tenantId')).toBe(ais.id);
    expect(screen.getByLabelText('Loại tệp')).toHaveValue('pdf');
    expect(screen.getByLabelText('Tìm theo tên hoặc mô tả')).toHaveValue('bao cao');
  });

  it('ignores an unknown kind and a malformed day', async () => {
    const fake = openLibrary('/admin/thu-vien?loai=zip&tu-ngay=01-11-2026', { roles: ['editor'] });
    await waitForGrid();

    expect(lastListQuery(fake.requests).has('kind')).toBe(false);
    expect(lastListQuery(fake.requests).has('from')).toBe(false);
  });

  it('puts a chosen kind and a search in the address', async () => {
    const user = userEvent.setup();
    const fake = openLibrary('/admin/thu-vien?trang=2', { roles: ['editor'], total: 60 });
    await waitForGrid();

    await user.selectOptions(screen.getByLabelText('Loại tệp'), 'office');
    await vi.waitFor(() => expect(window.location.search).toBe('?loai=office'));
    await user.type(screen.getByLabelText('Tìm theo tên hoặc mô tả'), 'công văn{Enter}');

    await vi.waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('tim')).toBe('công văn'),
    );
    await vi.waitFor(() => expect(lastListQuery(fake.requests).get('q')).toBe('công văn'));
    expect(lastListQuery(fake.requests).get('kind')).toBe('office');
    expect(lastListQuery(fake.requests).get('page')).toBe('1');
  });

  it('moves between pages', async () => {
    const user = userEvent.setup();
    const fake = openLibrary('/admin/thu-vien', { roles: ['editor'], total: 50 });
    await screen.findByText('Trang 1 / 3');

    await user.click(screen.getByRole('button', { name: 'Trang sau' }));

    await screen.findByText('Trang 2 / 3');
    expect(window.location.search).toBe('?trang=2');
    expect(lastListQuery(fake.requests).get('page')).toBe('2');
  });

  it('hides upload from a board member who may only read', async () => {
    openLibrary('/admin/thu-vien', { boardRoles: ['board_member'] });
    await waitForGrid();

    expect(screen.queryByRole('button', { name: 'Chọn tệp từ máy…' })).toBeNull();
  });

  it('offers upload but hides delete from an author', async () => {
    const user = userEvent.setup();
    openLibrary('/admin/thu-vien', { roles: ['author'] });

    await user.click(await waitForGrid());
    const dialog = await screen.findByRole('dialog', { name: 'le-khai-mac.png' });

    expect(screen.getByRole('button', { name: 'Chọn tệp từ máy…' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Văn bản thay thế tiếng Việt/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Xoá tệp…' })).toBeNull();
  });

  it("shows a refused upload's message on that file only", async () => {
    const user = userEvent.setup();
    const stored = mediaItem({ originalName: 'anh-dep.png' });
    const uploads = createFakeUploads((fileName) =>
      fileName === 'cai-dat.pdf'
        ? {
            status: 400,
            body: errorBody('invalid_input', 'Programs and installers are not accepted.'),
          }
        : { status: 201, body: { media: stored, isDuplicate: false } },
    );
    vi.stubGlobal('XMLHttpRequest', uploads.FakeUploadRequest);
    openLibrary('/admin/thu-vien', { roles: ['editor'] });
    await waitForGrid();

    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, [
      new File(['MZ-not-a-pdf'], 'cai-dat.pdf', { type: 'application/pdf' }),
      new File(['png-bytes'], 'anh-dep.png', { type: 'image/png' }),
    ]);

    const uploadList = await screen.findByRole('list', { name: 'Tệp đang tải lên' });
    const refused = await within(uploadList).findByRole('alert');
    const refusedLine = refused.closest('li')!;
    const goodLine = within(uploadList).getByText('anh-dep.png').closest('li')!;
    expect(within(refusedLine).getByText('cai-dat.pdf')).toBeInTheDocument();
    expect(refused).toHaveTextContent('Tệp không được nhận');
    expect(refused).toHaveTextContent('Programs and installers are not accepted.');
    await within(goodLine).findByText('Đã tải lên.');
    expect(within(goodLine).queryByRole('alert')).toBeNull();
    expect(within(goodLine).getByLabelText('Tiến độ tải lên tệp anh-dep.png')).toHaveAttribute(
      'value',
      '100',
    );
    expect(uploads.sent.map((request) => request.headers['content-type'])).toEqual([
      'application/octet-stream',
      'application/octet-stream',
    ]);
    expect(uploads.sent[0]!.url).toBe(
      `${window.location.origin}/api/admin/media?tenantId=${ais.id}`,
    );
  });

  it('says which limit a too large upload passed', async () => {
    const user = userEvent.setup();
    const uploads = createFakeUploads(() => ({
      status: 413,
      body: errorBody(
        'payload_too_large',
        "The portal's storage quota of 2 GiB would be exceeded",
        {
          limit: 'quota',
        },
      ),
    }));
    vi.stubGlobal('XMLHttpRequest', uploads.FakeUploadRequest);
    openLibrary('/admin/thu-vien', { roles: ['editor'] });
    await waitForGrid();

    await user.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, [
      new File(['x'], 'them.pdf', { type: 'application/pdf' }),
    ]);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cổng đã hết dung lượng lưu trữ được cấp.',
    );
  });

  it('cancels one upload and keeps the other', async () => {
    const user = userEvent.setup();
    // The first file's answer never comes, so it is still going when it is cancelled.
    const uploads = createFakeUploads((fileName) =>
      fileName === 'mot.png'
        ? new Promise(() => {})
        : { status: 201, body: { media: mediaItem(), isDuplicate: false } },
    );
    vi.stubGlobal('XMLHttpRequest', uploads.FakeUploadRequest);
    openLibrary('/admin/thu-vien', { roles: ['editor'] });
    await waitForGrid();

    await user.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, [
      new File(['a'], 'mot.png', { type: 'image/png' }),
      new File(['b'], 'hai.png', { type: 'image/png' }),
    ]);
    await user.click(screen.getByRole('button', { name: 'Huỷ tải lên tệp mot.png' }));

    const list = screen.getByRole('list', { name: 'Tệp đang tải lên' });
    const first = within(list).getByText('mot.png').closest('li')!;
    const second = within(list).getByText('hai.png').closest('li')!;
    expect(within(first).getByText('Đã huỷ tải lên.')).toBeInTheDocument();
    await within(second).findByText('Đã tải lên.');
  });

  it('focuses Không xoá when confirming a deletion', async () => {
    const user = userEvent.setup();
    const file = mediaItem({ originalName: 'ban-do.png' });
    const fake = openLibrary('/admin/thu-vien', { roles: ['editor'], rows: [file] });
    const listFetch = fake.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (new URL(request.url).pathname.endsWith(`/media/${file.id}`)) {
        return Response.json({ media: file, usages: [] });
      }
      return listFetch(request);
    });

    await user.click(await waitForGrid('ban-do.png'));
    const dialog = await screen.findByRole('dialog', { name: 'ban-do.png' });
    await user.click(within(dialog).getByRole('button', { name: 'Xoá tệp…' }));

    await vi.waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Không xoá' })).toHaveFocus(),
    );
    await user.keyboard('{Enter}');
    await vi.waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Xoá tệp…' })).toHaveFocus(),
    );
    expect(fake.requests.filter((request) => request.method === 'DELETE')).toHaveLength(0);
  });

  it('lists the published items that block a deletion', async () => {
    const user = userEvent.setup();
    const file = mediaItem({ originalName: 'ban-do.png' });
    const usage = {
      itemId: '40000000-0000-4000-8000-000000000009',
      type: 'article',
      slug: 'ban-do',
    };
    const fake = openLibrary('/admin/thu-vien', { roles: ['editor'], rows: [file] });
    const listFetch = fake.fetch;
    const deletions: Request[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const path = new URL(request.url).pathname;
      if (request.method === 'DELETE') {
        deletions.push(request);
        const body = errorBody('conflict', 'The file is used by 1 published item(s).', {
          usages: [usage],
        });
        return new Response(JSON.stringify(body), {
          status: 409,
          headers: { 'content-type': 'application/json' },
        });
      }
      if (path.endsWith(`/media/${file.id}`)) {
        return Response.json({
          media: file,
          usages: [{ ...usage, status: 'published', titleVi: 'Bản đồ' }],
        });
      }
      return listFetch(request);
    });

    await user.click(await waitForGrid('ban-do.png'));
    const dialog = await screen.findByRole('dialog', { name: 'ban-do.png' });
    await user.click(within(dialog).getByRole('button', { name: 'Xoá tệp…' }));
    await user.click(within(dialog).getByRole('button', { name: 'Xoá hẳn' }));

    const alert = await within(dialog).findByRole('alert');
    // The server's CSRF check rejects a state-changing call that is not JSON.
    expect(deletions[0]!.headers.get('content-type')).toBe('application/json');
    expect(alert).toHaveTextContent('1 nội dung đã đăng đang dùng tệp này');
    expect(within(alert).getByRole('link', { name: 'ban-do' })).toHaveAttribute(
      'href',
      `/admin/noi-dung/${usage.itemId}`,
    );
  });
});
