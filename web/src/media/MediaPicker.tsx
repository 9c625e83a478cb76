import { createMemo, createSignal, Show } from 'solid-js';

import { canOnTenant } from '../access/access.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useApp } from '../stores/app-context.tsx';
import '../styles/media.css';
import { createMediaList } from './create-media-list.ts';
import { MediaFilters, type MediaFilterValues } from './MediaFilters.tsx';
import { MediaGrid } from './MediaGrid.tsx';
import { Pager } from '../components/Pager.tsx';
import type { MediaItem } from './media-types.ts';
import { UploadArea } from './UploadArea.tsx';

/** A file chosen in the picker, as the content editor stores and shows it. */
export type PickedMedia = {
  id: string;
  fileName: string;
  contentType: string;
  /** The public address on the portal's own host, `/media/<id>/<file-name>`. */
  url: string;
  altVi: string | null;
  width: number | null;
  height: number | null;
};

export type MediaPickerProps = {
  /** The portal whose library is shown; files of other portals are never offered. */
  tenantId: string;
  /** `image` offers only images, for the body's pictures and galleries. */
  accept: 'image' | 'any';
  multiple?: boolean;
  onPick: (media: PickedMedia[]) => void;
  onClose: () => void;
};

/** Files per page of the picker: fewer than the library's, because the dialog is smaller. */
const pickerPageSize = 12;

function toPicked(item: MediaItem): PickedMedia {
  return {
    id: item.id,
    fileName: item.originalName,
    contentType: item.contentType,
    url: item.url,
    altVi: item.altVi,
    width: item.width,
    height: item.height,
  };
}

function isAccepted(item: MediaItem, accept: MediaPickerProps['accept']): boolean {
  return accept === 'any' || item.contentType.startsWith('image/');
}

/**
 * The modal dialog that picks files from a portal's library, with search and paging, and an
 * upload area whose new files are chosen at once. "Chọn" calls `onPick` with the chosen files
 * in the order they were chosen. It does not close itself: the caller does, in `onPick` or
 * `onClose`.
 */
export function MediaPicker(props: MediaPickerProps) {
  const { api, session, scope, i18n } = useApp();
  const [filters, setFilterValues] = createSignal<MediaFilterValues>({
    q: '',
    kind: props.accept === 'image' ? 'image' : '',
    from: '',
    to: '',
  });
  const [page, setPage] = createSignal(1);
  // Kept by id across pages and searches; a Map keeps the order in which files were chosen.
  const [chosen, setChosen] = createSignal<ReadonlyMap<string, MediaItem>>(new Map());
  const tenant = () => scope.list()?.find((candidate) => candidate.id === props.tenantId);
  const mayUpload = () => canOnTenant(session.me(), 'media.upload', tenant());
  const isMultiple = () => props.multiple === true;

  const media = createMediaList(api, () => {
    const values = filters();
    return {
      tenantId: props.tenantId,
      q: values.q || undefined,
      kind: props.accept === 'image' ? 'image' : values.kind || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
      page: page(),
      pageSize: pickerPageSize,
    };
  });
  const offered = () => media.rows().filter((item) => isAccepted(item, props.accept));
  const pageCount = () => Math.max(1, Math.ceil(media.total() / pickerPageSize));
  const selectedIds = createMemo(() => new Set(chosen().keys()));

  const toggle = (item: MediaItem) => {
    const next = new Map(isMultiple() ? chosen() : []);
    if (isMultiple() && next.has(item.id)) {
      next.delete(item.id);
    } else {
      next.set(item.id, item);
    }
    setChosen(next);
  };
  const choose = (item: MediaItem) => {
    if (!selectedIds().has(item.id)) {
      toggle(item);
    }
  };
  const setFilters = (change: Partial<MediaFilterValues>) => {
    setFilterValues({ ...filters(), ...change });
    setPage(1);
  };

  const footer = (
    <div class="media-picker__footer">
      <p class="media-picker__chosen" role="status">
        {i18n.t('media.picker.chosenCount', { count: chosen().size })}
      </p>
      <button type="button" class="button button--secondary" onClick={() => props.onClose()}>
        {i18n.t('common.cancel')}
      </button>
      <button
        type="button"
        class="button button--primary"
        disabled={chosen().size === 0}
        onClick={() => props.onPick([...chosen().values()].map(toPicked))}
      >
        {i18n.t('media.picker.choose')}
      </button>
    </div>
  );

  return (
    <Dialog
      title={i18n.t(props.accept === 'image' ? 'media.picker.titleImage' : 'media.picker.titleAny')}
      onClose={() => props.onClose()}
      isWide
      footer={footer}
    >
      <Show when={mayUpload()}>
        <details class="media-picker__upload">
          <summary>{i18n.t('media.picker.upload')}</summary>
          <UploadArea
            tenantId={props.tenantId}
            storage={media.storage()}
            accept={props.accept}
            onUploaded={(stored) => {
              if (isAccepted(stored.media, props.accept)) {
                choose(stored.media);
              }
              void media.refetch();
            }}
          />
        </details>
      </Show>
      {/* Without a marked field the dialog would focus the upload button, which the closed
          disclosure hides, so the browser would leave focus on the page. */}
      <MediaFilters
        values={filters()}
        onChange={setFilters}
        isKindFixed={props.accept === 'image'}
        isSearchAutofocus
      />
      <Show when={media.list.error}>
        <ErrorNotice error={media.list.error} onRetry={() => void media.refetch()} />
      </Show>
      <p class="muted media-library__count" role="status">
        {media.list.loading
          ? i18n.t('common.loading')
          : i18n.t('media.count', { count: media.total() })}
      </p>
      <Show
        when={offered().length > 0}
        fallback={
          <Show when={!media.list.loading && !media.list.error}>
            <p class="empty">{i18n.t('media.empty')}</p>
          </Show>
        }
      >
        <fieldset class="media-picker__choices">
          <legend class="visually-hidden">
            {i18n.t(isMultiple() ? 'media.picker.legendMany' : 'media.picker.legendOne')}
          </legend>
          <MediaGrid
            items={offered()}
            label={i18n.t('media.files')}
            selection={{ selectedIds: selectedIds(), isMultiple: isMultiple(), onToggle: toggle }}
          />
        </fieldset>
      </Show>
      <Pager page={page()} pageCount={pageCount()} onPage={setPage} />
    </Dialog>
  );
}
