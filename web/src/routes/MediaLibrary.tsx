import { useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, createUniqueId, Show } from 'solid-js';

import { canOnTenant } from '../access/access.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { createMediaList } from '../media/create-media-list.ts';
import { MediaDetailDialog } from '../media/MediaDetailDialog.tsx';
import { MediaFilters, type MediaFilterValues } from '../media/MediaFilters.tsx';
import { MediaGrid } from '../media/MediaGrid.tsx';
import { Pager } from '../components/Pager.tsx';
import { isMediaKindName, type MediaItem } from '../media/media-types.ts';
import { StorageMeter } from '../media/StorageMeter.tsx';
import { UploadArea } from '../media/UploadArea.tsx';
import { useApp } from '../stores/app-context.tsx';
import '../styles/media.css';

/** Files per page: a multiple of 2, 3 and 4, so full rows fill the grid at most widths. */
export const mediaPageSize = 24;

/** The address's query: `tim` (search), `loai` (kind), `tu-ngay`, `den-ngay`, `trang`. */
type LibraryParams = {
  tim?: string;
  loai?: string;
  'tu-ngay'?: string;
  'den-ngay'?: string;
  trang?: string;
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function dayOrEmpty(value: string | undefined): string {
  return value && dayPattern.test(value) ? value : '';
}

/** The current portal's files as a grid, with upload, filters kept in the address and details. */
export default function MediaLibrary() {
  const { api, session, scope, i18n } = useApp();
  const [params, setParams] = useSearchParams<LibraryParams>();
  const [openItem, setOpenItem] = createSignal<MediaItem>();
  const headingId = createUniqueId();
  const uploadHeadingId = createUniqueId();
  const tenant = () => scope.current();

  // Unknown values in the address are ignored rather than sent, so a stale link still opens.
  const filters = createMemo(() => {
    const page = Number.parseInt(params.trang ?? '1', 10);
    const values: MediaFilterValues = {
      q: (params.tim ?? '').trim().slice(0, 200),
      kind: isMediaKindName(params.loai) ? params.loai : '',
      from: dayOrEmpty(params['tu-ngay']),
      to: dayOrEmpty(params['den-ngay']),
    };
    return { values, page: Number.isInteger(page) && page >= 1 ? page : 1 };
  });

  const media = createMediaList(api, () => {
    const tenantId = tenant()?.id;
    if (!tenantId) {
      return undefined;
    }
    const { values, page } = filters();
    return {
      tenantId,
      q: values.q || undefined,
      kind: values.kind || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
      page,
      pageSize: mediaPageSize,
    };
  });

  const pageCount = () => Math.max(1, Math.ceil(media.total() / mediaPageSize));
  const mayUpload = () => canOnTenant(session.me(), 'media.upload', tenant());
  const mayDelete = () => canOnTenant(session.me(), 'media.delete', tenant());

  // A changed filter starts again from the first page.
  const setFilters = (change: Partial<MediaFilterValues>) => {
    const names = { q: 'tim', kind: 'loai', from: 'tu-ngay', to: 'den-ngay' } as const;
    const next: Partial<Record<keyof LibraryParams, string | undefined>> = { trang: undefined };
    for (const [key, value] of Object.entries(change)) {
      next[names[key as keyof MediaFilterValues]] = value || undefined;
    }
    setParams(next);
  };
  const goToPage = (page: number) => setParams({ trang: page > 1 ? String(page) : undefined });

  return (
    <>
      <PageHeading
        title={i18n.t('media.title')}
        description={
          tenant()
            ? i18n.t('media.intro', { portal: tenantName(tenant()!, i18n.locale()) })
            : undefined
        }
      />
      <Show when={media.list.error}>
        <ErrorNotice error={media.list.error} onRetry={() => void media.refetch()} />
      </Show>
      <Show when={mayUpload() && tenant()}>
        {(current) => (
          <section class="panel" aria-labelledby={uploadHeadingId}>
            <h2 id={uploadHeadingId} class="panel__title">
              {i18n.t('media.upload.title')}
            </h2>
            <UploadArea
              tenantId={current().id}
              storage={media.storage()}
              accept="any"
              onUploaded={() => void media.refetch()}
            />
          </section>
        )}
      </Show>
      <section class="panel" aria-labelledby={headingId}>
        <div class="media-library__head">
          <h2 id={headingId} class="panel__title" tabIndex={-1}>
            {i18n.t('media.files')}
          </h2>
          <Show when={media.storage()}>{(storage) => <StorageMeter storage={storage()} />}</Show>
        </div>
        <MediaFilters values={filters().values} onChange={setFilters} />
        <p class="muted media-library__count" role="status">
          {media.list.loading
            ? i18n.t('common.loading')
            : i18n.t('media.count', { count: media.total() })}
        </p>
        <Show
          when={media.rows().length > 0}
          fallback={
            <Show when={!media.list.loading && !media.list.error}>
              <p class="empty">{i18n.t('media.empty')}</p>
            </Show>
          }
        >
          <MediaGrid items={media.rows()} label={i18n.t('media.files')} onOpen={setOpenItem} />
        </Show>
        <Pager page={filters().page} pageCount={pageCount()} onPage={goToPage} />
      </section>
      <Show when={openItem() && tenant() ? { item: openItem()!, tenant: tenant()! } : undefined}>
        {(open) => (
          <MediaDetailDialog
            tenantId={open().tenant.id}
            item={open().item}
            canEdit={mayUpload()}
            canDelete={mayDelete()}
            onChanged={() => void media.refetch()}
            onDeleted={() => {
              setOpenItem(undefined);
              // The card that opened the dialog is gone, so focus goes to the grid's heading.
              queueMicrotask(() => document.getElementById(headingId)?.focus());
              void media.refetch();
            }}
            onClose={() => setOpenItem(undefined)}
          />
        )}
      </Show>
    </>
  );
}
