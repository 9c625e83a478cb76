import { screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  FakeResponse,
  fakeEditorApi,
  firstLoad,
  itemDetail,
  itemId,
  openAdmin,
  secondRevisionId,
  shellRoutes,
  unitEditorMe,
} from './editor-fake-api.tsx';

const itemPath = `/content/items/${itemId}`;
const serverDown = new FakeResponse(503, {
  error: { code: 'unavailable', message: 'Service unavailable', fields: [] },
});

function editorApi() {
  return fakeEditorApi({
    ...shellRoutes(unitEditorMe()),
    [`GET ${itemPath}`]: itemDetail(),
    [`PUT ${itemPath}`]: serverDown,
  });
}

/** Types a title and a lead, saves while the server is down, then leaves the page. */
async function typeAndFailToSave() {
  const user = userEvent.setup();
  const view = openAdmin(`/admin/noi-dung/${itemId}`, editorApi());
  const title = await screen.findByLabelText('Tiêu đề', {}, firstLoad);
  await user.clear(title);
  await user.type(title, 'Diễn tập ứng cứu sự cố 2026');
  await user.type(screen.getByLabelText(/^Tóm tắt \(sapo\)/), ' Có 40 đơn vị tham gia.');
  await user.click(screen.getByRole('button', { name: 'Lưu' }));
  await screen.findByText('Chưa lưu được', { selector: '.editor-save-bar__status' });
  view.unmount();
  vi.unstubAllGlobals();
}

describe('local draft of the item form', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps the text after a failed save', async () => {
    const user = userEvent.setup();
    openAdmin(`/admin/noi-dung/${itemId}`, editorApi());
    const title = await screen.findByLabelText('Tiêu đề', {}, firstLoad);
    await user.clear(title);
    await user.type(title, 'Diễn tập ứng cứu sự cố 2026');

    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Những gì bạn đã nhập vẫn được giữ');
    expect(title).toHaveValue('Diễn tập ứng cứu sự cố 2026');
  });

  it('restores the text on the next visit', async () => {
    await typeAndFailToSave();

    openAdmin(`/admin/noi-dung/${itemId}`, editorApi());

    expect(await screen.findByLabelText('Tiêu đề', {}, firstLoad)).toHaveValue(
      'Diễn tập ứng cứu sự cố 2026',
    );
    expect(screen.getByLabelText(/^Tóm tắt \(sapo\)/)).toHaveValue(
      'Cục tổ chức hội thảo về an toàn thông tin. Có 40 đơn vị tham gia.',
    );
    expect(
      screen.getByText('Đã điền lại những gì bạn nhập lần trước mà chưa lưu được.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Có thay đổi chưa lưu')).toBeInTheDocument();
  });

  it('goes back to the saved text when discarded', async () => {
    await typeAndFailToSave();
    const user = userEvent.setup();
    openAdmin(`/admin/noi-dung/${itemId}`, editorApi());
    await screen.findByLabelText('Tiêu đề', {}, firstLoad);

    await user.click(screen.getByRole('button', { name: 'Bỏ bản nháp' }));

    expect(screen.getByLabelText('Tiêu đề')).toHaveValue('Hội thảo an toàn thông tin');
    expect(
      screen.queryByText('Đã điền lại những gì bạn nhập lần trước mà chưa lưu được.'),
    ).not.toBeInTheDocument();
    expect(Object.keys(localStorage).filter((key) => key.includes(itemId))).toEqual([]);
  });

  it('warns when the draft was written from an older revision', async () => {
    await typeAndFailToSave();
    const fake = editorApi();
    const newer = itemDetail();
    fake.routes[`GET ${itemPath}`] = {
      ...newer,
      currentRevision: { ...newer.currentRevision!, id: secondRevisionId, number: 2 },
    };

    openAdmin(`/admin/noi-dung/${itemId}`, fake);

    expect(await screen.findByLabelText('Tiêu đề', {}, firstLoad)).toHaveValue(
      'Diễn tập ứng cứu sự cố 2026',
    );
    expect(screen.getByText(/Bản nháp này được soạn từ một bản cũ hơn/)).toBeInTheDocument();
  });
});
