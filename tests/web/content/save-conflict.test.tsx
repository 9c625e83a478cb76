import { screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  FakeResponse,
  fakeEditorApi,
  firstLoad,
  firstRevisionId,
  itemDetail,
  itemId,
  openAdmin,
  revision,
  secondRevisionId,
  shellRoutes,
  unitEditorMe,
} from './editor-fake-api.tsx';

const itemPath = `/content/items/${itemId}`;
const newer = revision({
  id: secondRevisionId,
  number: 2,
  titleVi: 'Hội thảo an toàn thông tin mạng 2026',
  createdAt: '2026-12-01T09:15:00.000Z',
});

const staleSave = new FakeResponse(409, {
  error: {
    code: 'conflict',
    message: 'Someone saved a newer version (revision 2) while you were editing',
    fields: [{ field: 'baseRevisionId', message: 'stale' }],
    details: {
      currentRevisionId: secondRevisionId,
      currentRevisionNumber: 2,
      savedBy: 'Biên tập viên Cục ATTT',
      savedAt: newer.createdAt,
    },
  },
});

/** Opens the item at revision 1, after someone else has saved revision 2. */
function openStaleItem() {
  let isNewerLoaded = false;
  const fake = fakeEditorApi({
    ...shellRoutes(unitEditorMe()),
    [`GET ${itemPath}`]: () =>
      isNewerLoaded ? itemDetail({ currentRevision: newer }) : itemDetail(),
    [`PUT ${itemPath}`]: (_request, body) =>
      (body as { baseRevisionId: string }).baseRevisionId === secondRevisionId
        ? { revisionId: '41000000-0000-4000-8000-000000000003', number: 3, slug: 'hoi-thao' }
        : staleSave,
  });
  openAdmin(`/admin/noi-dung/${itemId}`, fake);
  return { fake, loadNewer: () => (isNewerLoaded = true) };
}

async function typeTitleAndSave(user: ReturnType<typeof userEvent.setup>) {
  const title = await screen.findByLabelText('Tiêu đề', {}, firstLoad);
  await user.clear(title);
  await user.type(title, 'Hội thảo về bảo mật dữ liệu');
  await user.click(screen.getByRole('button', { name: 'Lưu' }));
  return title;
}

describe('saving over a newer revision', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('names who saved the newer revision and when', async () => {
    const user = userEvent.setup();
    openStaleItem();

    await typeTitleAndSave(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Chưa lưu được: đã có bản mới hơn');
    expect(alert).toHaveTextContent('Biên tập viên Cục ATTT đã lưu bản số 2 lúc');
    expect(alert).toHaveTextContent(/01\/12\/2026/);
    expect(
      screen.getByText('Chưa lưu được', { selector: '.editor-save-bar__status' }),
    ).toBeVisible();
  });

  it('keeps the text the user typed', async () => {
    const user = userEvent.setup();
    const { fake } = openStaleItem();

    const title = await typeTitleAndSave(user);
    await screen.findByRole('alert');

    expect(title).toHaveValue('Hội thảo về bảo mật dữ liệu');
    expect(fake.sent('PUT', itemPath)).toHaveLength(1);
    expect(fake.sent('PUT', itemPath)[0]!.body).toMatchObject({
      baseRevisionId: firstRevisionId,
      titleVi: 'Hội thảo về bảo mật dữ liệu',
    });
    const stored = Object.keys(localStorage).filter((key) => key.includes(itemId));
    expect(stored).toHaveLength(1);
    expect(localStorage.getItem(stored[0]!)).toContain('Hội thảo về bảo mật dữ liệu');
  });

  it('shows the newer revision beside the typed text', async () => {
    const user = userEvent.setup();
    const { loadNewer } = openStaleItem();
    await typeTitleAndSave(user);
    await screen.findByRole('alert');
    loadNewer();

    await user.click(screen.getByRole('button', { name: 'So sánh với bản mới hơn' }));

    const table = await screen.findByRole('table', {
      name: 'So sánh bản mới hơn trên máy chủ với nội dung bạn đang soạn',
    });
    const titleRow = within(table).getByRole('row', { name: /^Tiêu đề/ });
    expect(titleRow).toHaveTextContent('mạng 2026');
    expect(titleRow).toHaveTextContent('bảo mật dữ liệu');
    expect(
      within(table).getByRole('columnheader', { name: 'Bản số 2 của Biên tập viên Cục ATTT' }),
    ).toBeInTheDocument();
  });

  it('saves over the newer revision only when asked', async () => {
    const user = userEvent.setup();
    const { fake, loadNewer } = openStaleItem();
    await typeTitleAndSave(user);
    await screen.findByRole('alert');
    loadNewer();
    await user.click(screen.getByRole('button', { name: 'So sánh với bản mới hơn' }));

    await user.click(
      await screen.findByRole('button', { name: 'Lưu bản của tôi thành bản mới nhất' }),
    );

    await vi.waitFor(() => expect(fake.sent('PUT', itemPath)).toHaveLength(2));
    expect(fake.sent('PUT', itemPath)[1]!.body).toMatchObject({
      baseRevisionId: secondRevisionId,
      titleVi: 'Hội thảo về bảo mật dữ liệu',
    });
    expect(await screen.findByText(/^Đã lưu lúc \d\d:\d\d$/)).toBeInTheDocument();
    expect(screen.queryByText('Chưa lưu được: đã có bản mới hơn')).not.toBeInTheDocument();
  });
});
