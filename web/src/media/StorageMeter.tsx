import { createUniqueId } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { formatFileSize } from './format-size.ts';
import type { MediaStorage } from './media-types.ts';

/** The portal's storage use against its quota, as a labelled meter and a sentence. */
export function StorageMeter(props: { storage: MediaStorage }) {
  const { i18n } = useApp();
  const id = createUniqueId();
  const percent = () =>
    props.storage.quotaBytes > 0
      ? Math.min(100, Math.round((props.storage.usedBytes / props.storage.quotaBytes) * 100))
      : 100;

  return (
    <div class="storage-meter">
      <label class="storage-meter__label" for={id}>
        {i18n.t('media.storage.label')}
      </label>
      <meter
        id={id}
        class="storage-meter__bar"
        min={0}
        max={props.storage.quotaBytes}
        low={props.storage.quotaBytes * 0.8}
        high={props.storage.quotaBytes * 0.95}
        optimum={0}
        value={props.storage.usedBytes}
      />
      <p class="storage-meter__text">
        {i18n.t('media.storage.used', {
          used: formatFileSize(props.storage.usedBytes, i18n.locale()),
          quota: formatFileSize(props.storage.quotaBytes, i18n.locale()),
          percent: percent(),
        })}
      </p>
    </div>
  );
}
