import { screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { defaultStorage, mediaItem } from '../media/fake-media-api.ts';
import {
  fakeEditorApi,
  firstLoad,
  itemDetail,
  itemId,
  openAdmin,
  shellRoutes,
  unitEditorMe,
} from './editor-fake-api.tsx';

/** Opens an item for an editor, who may upload, so the picker shows its upload area. */
function openEditor() {
  const fake = fakeEditorApi({
    ...shellRoutes(unitEditorMe(['editor'])),
    [`GET /content/items/${itemId}`]: itemDetail(),
    'GET /media': { media: [mediaItem()], total: 1, storage: defaultStorage },
  });
  openAdmin(`/admin/noi-dung/${itemId}`, fake);
}

describe('editor media pickers', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('focuses the search from the toolbar', async () => {
    const user = userEvent.setup();
    openEditor();
    // The Vietnamese and the English body each have a toolbar, and the Vietnamese one is first.
    const [imageButton] = await screen.findAllByRole(
      'button',
      { name: 'Chèn ảnh từ thư viện' },
      firstLoad,
    );

    await user.click(imageButton!);
    const dialog = await screen.findByRole('dialog', { name: 'Chọn ảnh' });

    await vi.waitFor(() =>
      expect(
        within(dialog).getByRole('searchbox', { name: 'Tìm theo tên hoặc mô tả' }),
      ).toHaveFocus(),
    );
  });

  it('focuses the search from the gallery', async () => {
    const user = userEvent.setup();
    openEditor();
    const gallery = await screen.findByRole('group', { name: /^Bộ ảnh/ }, firstLoad);

    await user.click(within(gallery).getByRole('button', { name: 'Chọn ảnh từ thư viện' }));
    const dialog = await screen.findByRole('dialog', { name: 'Chọn ảnh' });

    await vi.waitFor(() =>
      expect(
        within(dialog).getByRole('searchbox', { name: 'Tìm theo tên hoặc mô tả' }),
      ).toHaveFocus(),
    );
  });
});
