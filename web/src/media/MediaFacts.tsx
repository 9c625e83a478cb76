import { Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { formatFileSize } from './format-size.ts';
import { mediaKindLabel } from './media-labels.ts';
import { extensionOf, kindOfContentType, type MediaItem } from './media-types.ts';

/** A file's size, type, upload date and uploader, as a list of terms with hidden labels. */
export function MediaFacts(props: { item: MediaItem }) {
  const { i18n } = useApp();
  const kind = () => kindOfContentType(props.item.contentType);
  const type = () => {
    const extension = extensionOf(props.item.originalName);
    const label = i18n.t(mediaKindLabel(kind()));
    return extension ? `${label} · ${extension}` : label;
  };

  return (
    <dl class="media-facts">
      <dt class="visually-hidden">{i18n.t('media.facts.size')}</dt>
      <dd>{formatFileSize(props.item.sizeBytes, i18n.locale())}</dd>
      <dt class="visually-hidden">{i18n.t('media.facts.type')}</dt>
      <dd>{type()}</dd>
      <dt class="visually-hidden">{i18n.t('media.facts.uploadedAt')}</dt>
      <dd>{i18n.formatDateTime(props.item.createdAt)}</dd>
      <Show when={props.item.uploaderName}>
        <dt class="visually-hidden">{i18n.t('media.facts.uploadedBy')}</dt>
        <dd>{props.item.uploaderName}</dd>
      </Show>
    </dl>
  );
}
