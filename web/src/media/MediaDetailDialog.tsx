import { createResource, createUniqueId, Match, Show, Switch } from 'solid-js';

import { CopyButton } from '../components/CopyButton.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useApp } from '../stores/app-context.tsx';
import { AltTextForm } from './AltTextForm.tsx';
import { DeleteMediaSection } from './DeleteMediaSection.tsx';
import { formatFileSize } from './format-size.ts';
import { mediaKindLabel } from './media-labels.ts';
import { kindOfContentType, type MediaDetail, type MediaItem } from './media-types.ts';
import { MediaThumbnail } from './MediaThumbnail.tsx';
import { UsageList } from './UsageList.tsx';

export type MediaDetailDialogProps = {
  tenantId: string;
  /** The row from the grid, shown at once while the details load. */
  item: MediaItem;
  canEdit: boolean;
  canDelete: boolean;
  onChanged: (item: MediaItem) => void;
  onDeleted: (mediaId: string) => void;
  onClose: () => void;
};

/** The width asked of the preview's copy: the dialog is at most about 44rem wide. */
const previewWidth = 960;

function MediaPreview(props: { item: MediaItem }) {
  const { i18n } = useApp();
  const kind = () => kindOfContentType(props.item.contentType);

  return (
    <div class="media-preview">
      <Switch>
        <Match when={props.item.thumbnailUrl}>
          <MediaThumbnail
            item={props.item}
            minWidth={previewWidth}
            alt={
              props.item.altVi ||
              i18n.t('media.detail.previewOf', { name: props.item.originalName })
            }
          />
        </Match>
        <Match when={kind() === 'pdf'}>
          <MediaThumbnail item={props.item} />
          {/* The admin's policy frames only its own origin, and the PDF lives on the portal's. */}
          <a href={props.item.publicUrl} target="_blank" rel="noopener">
            {i18n.t('media.detail.openPdf')}
          </a>
        </Match>
      </Switch>
    </div>
  );
}

function MediaDetailFacts(props: { item: MediaItem }) {
  const { i18n } = useApp();

  return (
    <dl class="details">
      <div>
        <dt>{i18n.t('media.facts.type')}</dt>
        <dd>
          {i18n.t(mediaKindLabel(kindOfContentType(props.item.contentType)))} (
          {props.item.contentType})
        </dd>
      </div>
      <div>
        <dt>{i18n.t('media.facts.size')}</dt>
        <dd>{formatFileSize(props.item.sizeBytes, i18n.locale())}</dd>
      </div>
      <Show when={props.item.width && props.item.height}>
        <div>
          <dt>{i18n.t('media.facts.dimensions')}</dt>
          <dd>
            {props.item.width} × {props.item.height} px
          </dd>
        </div>
      </Show>
      <div>
        <dt>{i18n.t('media.facts.uploadedAt')}</dt>
        <dd>{i18n.formatDateTime(props.item.createdAt)}</dd>
      </div>
      <div>
        <dt>{i18n.t('media.facts.uploadedBy')}</dt>
        <dd>{props.item.uploaderName ?? i18n.t('media.facts.unknownUploader')}</dd>
      </div>
    </dl>
  );
}

/**
 * A file's dialog: the preview, the facts, the public address to copy, the text alternatives,
 * the items that use it, and its deletion.
 */
export function MediaDetailDialog(props: MediaDetailDialogProps) {
  const { api, i18n } = useApp();
  const urlId = createUniqueId();
  const [detail, { mutate }] = createResource(
    () => ({ tenantId: props.tenantId, mediaId: props.item.id }),
    async (key) => {
      const result = await api.call(
        api.client.GET('/media/{mediaId}', {
          params: { path: { mediaId: key.mediaId }, query: { tenantId: key.tenantId } },
        }),
      );
      return result as MediaDetail;
    },
  );
  const item = () => (detail.error ? undefined : detail.latest?.media) ?? props.item;
  const usages = () => (detail.error ? undefined : detail.latest?.usages);

  const onSaved = (saved: MediaItem) => {
    const current = detail.latest;
    mutate(current ? { ...current, media: saved } : { media: saved, usages: [] });
    props.onChanged(saved);
  };

  return (
    <Dialog title={item().originalName} onClose={() => props.onClose()} isWide>
      <MediaPreview item={item()} />
      <MediaDetailFacts item={item()} />
      <div class="field">
        <label class="field__label" for={urlId}>
          {i18n.t('media.detail.publicUrl')}
        </label>
        <div class="media-url">
          <input
            id={urlId}
            class="field__input media-url__input"
            value={item().publicUrl}
            readOnly
          />
          <CopyButton text={item().publicUrl} label={i18n.t('media.detail.publicUrlWhat')} />
          <a href={item().publicUrl} target="_blank" rel="noopener">
            {i18n.t('media.detail.open')}
          </a>
        </div>
      </div>
      <section class="dialog__section">
        <h3 class="dialog__section-title">{i18n.t('media.alt.title')}</h3>
        <Show
          when={props.canEdit}
          fallback={
            <p>
              {item().altVi || i18n.t('media.alt.none')}
              <Show when={item().altEn}>
                <br />
                <span lang="en">{item().altEn}</span>
              </Show>
            </p>
          }
        >
          <AltTextForm tenantId={props.tenantId} item={item()} onSaved={onSaved} />
        </Show>
      </section>
      <section class="dialog__section">
        <h3 class="dialog__section-title">{i18n.t('media.usage.title')}</h3>
        <Show when={detail.error}>
          <ErrorNotice error={detail.error} />
        </Show>
        <Show when={!detail.error}>
          <Show when={usages()} fallback={<p class="muted">{i18n.t('common.loading')}</p>}>
            {(list) => (
              <Show when={list().length > 0} fallback={<p>{i18n.t('media.usage.none')}</p>}>
                <UsageList usages={list()} label={i18n.t('media.usage.title')} />
              </Show>
            )}
          </Show>
        </Show>
      </section>
      <Show when={props.canDelete}>
        <DeleteMediaSection
          tenantId={props.tenantId}
          item={item()}
          onDeleted={() => props.onDeleted(item().id)}
        />
      </Show>
    </Dialog>
  );
}
