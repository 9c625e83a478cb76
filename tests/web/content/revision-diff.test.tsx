import { screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { textSideOf } from '../../../web/src/content/editor/diff-text.ts';
import type { RevisionDiff } from '../../../web/src/content/editor/item-types.ts';
import {
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

const diffPath = `/content/items/${itemId}/diff`;

/** The server's word diff of revision 1 and 2: the title and the body changed. */
const diff: RevisionDiff = {
  from: { id: firstRevisionId, number: 1 },
  to: { id: secondRevisionId, number: 2 },
  fields: [
    {
      field: 'titleVi',
      before: 'Hội thảo an toàn thông tin',
      after: 'Hội thảo bảo mật thông tin',
      isChanged: true,
      parts: [
        { value: 'Hội thảo ', added: false, removed: false },
        { value: 'an toàn', added: false, removed: true },
        { value: 'bảo mật', added: true, removed: false },
        { value: ' thông tin', added: false, removed: false },
      ],
    },
    {
      field: 'leadVi',
      before: 'Sapo',
      after: 'Sapo',
      isChanged: false,
      parts: [{ value: 'Sapo', added: false, removed: false }],
    },
    {
      field: 'bodyVi',
      before: '<p>Có 30 đơn vị.</p>',
      after: '<p>Có 40 đơn vị.</p><p>Mới.</p>',
      isChanged: true,
      parts: [
        { value: '<p>Có ', added: false, removed: false },
        { value: '30', added: false, removed: true },
        { value: '40', added: true, removed: false },
        { value: ' đơn vị.</p>', added: false, removed: false },
        { value: '<p>Mới.</p>', added: true, removed: false },
      ],
    },
  ],
};

function openItemWithTwoRevisions() {
  const second = revision({ id: secondRevisionId, number: 2, createdAt: '2026-12-02T08:00:00Z' });
  const detail = itemDetail({ currentRevision: second });
  const fake = fakeEditorApi({
    ...shellRoutes(unitEditorMe()),
    [`GET /content/items/${itemId}`]: {
      ...detail,
      revisions: [
        { id: firstRevisionId, number: 1, createdBy: null, createdAt: '2026-12-01T08:00:00Z' },
        { id: secondRevisionId, number: 2, createdBy: null, createdAt: '2026-12-02T08:00:00Z' },
      ],
    },
    [`GET ${diffPath}`]: diff,
  });
  openAdmin(`/admin/noi-dung/${itemId}`, fake);
  return fake;
}

async function compareRevisions() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'So sánh' }, firstLoad));
  return screen.findByRole('table', { name: /^Bản số 1 bên trái/ });
}

describe('revision diff', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for the two newest revisions', async () => {
    const fake = openItemWithTwoRevisions();

    await compareRevisions();

    const query = fake.sent('GET', diffPath)[0]!.url.searchParams;
    expect(query.get('from')).toBe(firstRevisionId);
    expect(query.get('to')).toBe(secondRevisionId);
  });

  it('marks removed words on the older side', async () => {
    openItemWithTwoRevisions();

    const table = await compareRevisions();

    const [, before, after] = within(table).getByRole('row', { name: /^Tiêu đề/ }).children;
    const removed = before!.querySelector('del');
    expect(removed).toHaveTextContent('[bỏ: an toàn]');
    expect(before).toHaveTextContent('Hội thảo [bỏ: an toàn] thông tin');
    expect(after!.querySelector('del')).toBeNull();
    expect(after).not.toHaveTextContent('an toàn');
  });

  it('marks added words on the newer side', async () => {
    openItemWithTwoRevisions();

    const table = await compareRevisions();

    const [, before, after] = within(table).getByRole('row', { name: /^Tiêu đề/ }).children;
    expect(after!.querySelector('ins')).toHaveTextContent('[thêm: bảo mật]');
    expect(before!.querySelector('ins')).toBeNull();
    expect(before).not.toHaveTextContent('bảo mật');
  });

  it('shows rich text without its markup', async () => {
    openItemWithTwoRevisions();

    const table = await compareRevisions();

    const bodyRow = within(table).getByRole('row', { name: /^Nội dung/ });
    expect(bodyRow).not.toHaveTextContent('<p>');
    expect(bodyRow.querySelector('del')).toHaveTextContent('30');
    expect(bodyRow.querySelectorAll('ins')).toHaveLength(2);
  });

  it('hides unchanged parts until asked', async () => {
    const user = userEvent.setup();
    openItemWithTwoRevisions();
    const table = await compareRevisions();

    expect(within(table).queryByRole('row', { name: /^Tóm tắt/ })).toBeNull();
    await user.click(screen.getByLabelText('Hiện cả những phần không thay đổi'));

    expect(within(table).getByRole('row', { name: /^Tóm tắt/ })).toHaveTextContent('Không đổi');
  });
});

describe('revision restore', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('saves the older revision as the newest', async () => {
    const user = userEvent.setup();
    const fake = openItemWithTwoRevisions();
    const restorePath = `/content/items/${itemId}/restore`;
    fake.routes[`POST ${restorePath}`] = {
      revisionId: '41000000-0000-4000-8000-000000000003',
      number: 3,
    };

    await user.click(await screen.findByRole('button', { name: 'Khôi phục bản số 1' }, firstLoad));
    const dialog = screen.getByRole('dialog', { name: 'Khôi phục bản số 1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Khôi phục bản số 1' }));

    await vi.waitFor(() => expect(fake.sent('POST', restorePath)).toHaveLength(1));
    expect(fake.sent('POST', restorePath)[0]!.body).toMatchObject({
      revisionId: firstRevisionId,
      baseRevisionId: secondRevisionId,
    });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('is not offered for the newest revision', async () => {
    openItemWithTwoRevisions();
    await screen.findByRole('button', { name: 'Khôi phục bản số 1' }, firstLoad);

    expect(screen.queryByRole('button', { name: 'Khôi phục bản số 2' })).not.toBeInTheDocument();
  });
});

describe('textSideOf', () => {
  it('drops a tag split across parts', () => {
    const parts = [
      { value: 'Một <str' },
      { value: 'ong>hai', removed: true },
      { value: '</strong> ba' },
    ];

    expect(textSideOf(parts, 'before').map((part) => part.value)).toEqual(['Một ', 'hai', ' ba']);
  });

  it('breaks lines at block tags', () => {
    const text = textSideOf([{ value: '<p>Một</p><p>Hai &amp; ba</p>' }], 'after');

    expect(text.map((part) => part.value).join('')).toBe('\nMột\n\nHai & ba\n');
  });
});
