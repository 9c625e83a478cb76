import { createSignal, Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { createUploadQueue } from './create-upload-queue.ts';
import { formatFileSize } from './format-size.ts';
import { extensionOfMime, type MediaStorage, type StoredMedia } from './media-types.ts';
import { UploadList } from './UploadList.tsx';

export type UploadAreaProps = {
  tenantId: string;
  /** The portal's limits, from the list; the hint and the size check wait for them. */
  storage: MediaStorage | undefined;
  /** `image` limits the browser's file chooser to images. The server still checks every file's type. */
  accept: 'image' | 'any';
  onUploaded: (stored: StoredMedia) => void;
};

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * The drop zone and file button of the library and the picker. Several files can go at once,
 * dropped or chosen, and each gets its own line in the list below.
 */
export function UploadArea(props: UploadAreaProps) {
  const { i18n, session } = useApp();
  const [isDragOver, setDragOver] = createSignal(false);
  let input: HTMLInputElement | undefined;
  const queue = createUploadQueue({
    tenantId: () => props.tenantId,
    maxFileBytes: () => props.storage?.maxFileBytes,
    onUploaded: (stored) => props.onUploaded(stored),
    onSessionEnded: () => session.markExpired(),
  });

  const allowed = () => {
    const storage = props.storage;
    if (!storage) {
      return undefined;
    }
    const extensions = storage.allowedTypes.map(extensionOfMime);
    if (storage.allowSvg) {
      extensions.push('svg');
    }
    return i18n.t('media.upload.limits', {
      size: formatFileSize(storage.maxFileBytes, i18n.locale()),
      types: extensions.map((extension) => extension.toUpperCase()).join(', '),
    });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragOver(false);
    const files = event.dataTransfer?.files;
    if (files && files.length > 0) {
      queue.add(Array.from(files));
    }
  };

  return (
    <div class="upload-area">
      <div
        class="upload-zone"
        classList={{ 'upload-zone--active': isDragOver() }}
        onDragEnter={(event) => hasFiles(event) && setDragOver(true)}
        onDragOver={(event) => {
          if (hasFiles(event)) {
            event.preventDefault();
            setDragOver(true);
          }
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
            setDragOver(false);
          }
        }}
        onDrop={onDrop}
      >
        <p class="upload-zone__text">{i18n.t('media.upload.dropHere')}</p>
        <button type="button" class="button button--primary" onClick={() => input?.click()}>
          {i18n.t('media.upload.choose')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={props.accept === 'image' ? 'image/*' : undefined}
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            // Cleared, so choosing the same file again still fires `change`.
            event.currentTarget.value = '';
            queue.add(files);
          }}
        />
        <Show when={allowed()}>
          <p class="upload-zone__hint">{allowed()}</p>
        </Show>
      </div>
      <UploadList queue={queue} maxFileBytes={props.storage?.maxFileBytes} />
    </div>
  );
}
