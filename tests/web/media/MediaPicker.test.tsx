import { render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { MediaPicker, type PickedMedia } from '../../../web/src/media/MediaPicker.tsx';
import type { MediaItem } from '../../../web/src/media/media-types.ts';
import { AppProvider, createAppServices } from '../../../web/src/stores/app-context.tsx';
import { fakeAdminFetch, fakeMe, fakeTenants } from '../fake-admin-api.ts';
import { createFakeUploads, defaultStorage, mediaItem } from './fake-media-api.ts';

const ais = fakeTenants[1]!;

type PickerOptions = {
  accept: 'image' | 'any';
  multiple?: boolean;
  rows: MediaItem[];
  roles?: string[];
};

function openPicker(options: PickerOptions) {
  const fake = fakeAdminFetch({
    'GET /auth/me': fakeMe({ memberships: [{ tenant: ais, roles: options.roles ?? ['editor'] }] }),
    'GET /tenants': { tenants: [ais] },
    'GET /media': () => ({
      media: options.rows,
      total: options.rows.length,
      storage: defaultStorage,
    }),
  });
  vi.stubGlobal('fetch', fake.fetch);
  const onPick = vi.fn<(media: PickedMedia[]) => void>();
  const onClose = vi.fn();
  render(() => {
    const services = createAppServices();
    void services.session.refresh();
    return (
      <AppProvider services={services}>
        <MediaPicker
          tenantId={ais.id}
          accept={options.accept}
          multiple={options.multiple}
          onPick={onPick}
          onClose={onClose}
        />
      </AppProvider>
    );
  });
  return { fake, onPick, onClose };
}

function lastListQuery(requests: Request[]) {
  const listRequests = requests.filter((request) =>
    new URL(request.url).pathname.endsWith('/media'),
  );
  return new URL(listRequests.at(-1)!.url).searchParams;
}

describe('MediaPicker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('returns the chosen files as PickedMedia', async () => {
    const user = userEvent.setup();
    const photo = mediaItem({
      originalName: 'hoi-nghi.jpg',
      contentType: 'image/jpeg',
      altVi: 'Hội nghị',
    });
    const report = mediaItem({
      originalName: 'bao-cao.pdf',
      contentType: 'application/pdf',
      width: null,
      height: null,
    });
    const { onPick } = openPicker({ accept: 'any', multiple: true, rows: [photo, report] });
    const dialog = await screen.findByRole('dialog', { name: 'Chọn tệp' });

    await user.click(await within(dialog).findByRole('checkbox', { name: 'bao-cao.pdf' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'hoi-nghi.jpg' }));
    expect(within(dialog).getByText('Đã chọn 2 tệp')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Chọn' }));

    expect(onPick).toHaveBeenCalledTimes(1);
    expect(onPick.mock.calls[0]![0]).toEqual([
      {
        id: report.id,
        fileName: 'bao-cao.pdf',
        contentType: 'application/pdf',
        url: report.url,
        altVi: null,
        width: null,
        height: null,
      },
      {
        id: photo.id,
        fileName: 'hoi-nghi.jpg',
        contentType: 'image/jpeg',
        url: `/media/${photo.id}/hoi-nghi.jpg`,
        altVi: 'Hội nghị',
        width: 1200,
        height: 800,
      },
    ]);
  });

  it('offers images only for accept="image"', async () => {
    // The server filters by kind; a stray PDF in its response must still not be offered.
    const photo = mediaItem({ originalName: 'toan-canh.png' });
    const stray = mediaItem({ originalName: 'lac-loai.pdf', contentType: 'application/pdf' });
    const { fake } = openPicker({ accept: 'image', rows: [photo, stray] });
    const dialog = await screen.findByRole('dialog', { name: 'Chọn ảnh' });

    await within(dialog).findByRole('radio', { name: 'toan-canh.png' });

    expect(lastListQuery(fake.requests).get('kind')).toBe('image');
    expect(within(dialog).queryByText('lac-loai.pdf')).toBeNull();
    expect(within(dialog).queryByLabelText('Loại tệp')).toBeNull();
  });

  it('keeps one choice without multiple', async () => {
    const user = userEvent.setup();
    const first = mediaItem({ originalName: 'mot.png' });
    const second = mediaItem({ originalName: 'hai.png' });
    const { onPick } = openPicker({ accept: 'image', rows: [first, second] });
    const dialog = await screen.findByRole('dialog', { name: 'Chọn ảnh' });

    await user.click(await within(dialog).findByRole('radio', { name: 'mot.png' }));
    await user.click(within(dialog).getByRole('radio', { name: 'hai.png' }));
    await user.click(within(dialog).getByRole('button', { name: 'Chọn' }));

    expect(onPick.mock.calls[0]![0].map((picked) => picked.id)).toEqual([second.id]);
  });

  it('chooses a file uploaded inside it', async () => {
    const user = userEvent.setup();
    const uploaded = mediaItem({ originalName: 'moi-tai.png' });
    const uploads = createFakeUploads(() => ({
      status: 201,
      body: { media: uploaded, isDuplicate: false },
    }));
    vi.stubGlobal('XMLHttpRequest', uploads.FakeUploadRequest);
    const { onPick } = openPicker({
      accept: 'image',
      rows: [mediaItem({ originalName: 'cu.png' })],
    });
    const dialog = await screen.findByRole('dialog', { name: 'Chọn ảnh' });
    await within(dialog).findByRole('button', { name: 'Chọn tệp từ máy…' });

    await user.upload(dialog.querySelector<HTMLInputElement>('input[type="file"]')!, [
      new File(['png'], 'moi-tai.png', { type: 'image/png' }),
    ]);
    await within(dialog).findByText('Đã tải lên.');
    await user.click(within(dialog).getByRole('button', { name: 'Chọn' }));

    expect(onPick.mock.calls[0]![0].map((picked) => picked.id)).toEqual([uploaded.id]);
  });

  it('closes on Huỷ without picking', async () => {
    const user = userEvent.setup();
    const { onPick, onClose } = openPicker({ accept: 'any', rows: [mediaItem()] });
    const dialog = await screen.findByRole('dialog', { name: 'Chọn tệp' });

    await user.click(within(dialog).getByRole('button', { name: 'Huỷ' }));

    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onPick).not.toHaveBeenCalled();
  });
});
