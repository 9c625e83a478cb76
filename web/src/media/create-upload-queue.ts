import { onCleanup } from 'solid-js';
import { createStore, produce } from 'solid-js/store';

import { ApiError } from '../api/api-error.ts';
import type { StoredMedia } from './media-types.ts';
import { uploadFile, UploadError } from './upload-file.ts';

export type UploadState = 'waiting' | 'uploading' | 'done' | 'failed' | 'cancelled';

/** One file of the queue, as the upload list shows it. */
export type UploadEntry = {
  id: number;
  fileName: string;
  sizeBytes: number;
  loadedBytes: number;
  state: UploadState;
  /** Why a failed upload failed: an `UploadError`, or an `ApiError` coded `network`. */
  error?: ApiError;
  stored?: StoredMedia;
};

export type UploadQueueOptions = {
  tenantId: () => string | undefined;
  /** The portal's limit for one file, checked before sending; undefined while unknown. */
  maxFileBytes: () => number | undefined;
  onUploaded: (stored: StoredMedia) => void;
  /** Called on 401, so the app can ask the user to sign in again. */
  onSessionEnded?: () => void;
};

/** How many files go up at once; the rest wait their turn. */
const parallelUploads = 2;

/**
 * Creates the upload queue of one upload area: every file has its own entry with progress, its
 * own cancel and its own error, so one refused file leaves the others going. Uploads still
 * running when the owner is disposed are aborted.
 */
export function createUploadQueue(options: UploadQueueOptions) {
  const [entries, setEntries] = createStore<UploadEntry[]>([]);
  const files = new Map<number, File>();
  const controllers = new Map<number, AbortController>();
  let nextId = 1;

  const update = (id: number, change: Partial<UploadEntry>) =>
    setEntries((entry) => entry.id === id, change);

  const fail = (id: number, error: ApiError) => {
    update(id, { state: 'failed', error });
    if (error.code === 'unauthenticated') {
      options.onSessionEnded?.();
    }
  };

  const send = async (id: number, file: File, tenantId: string) => {
    const controller = new AbortController();
    controllers.set(id, controller);
    update(id, { state: 'uploading', loadedBytes: 0, error: undefined });
    try {
      const stored = await uploadFile({
        tenantId,
        file,
        signal: controller.signal,
        onProgress: (loadedBytes) => update(id, { loadedBytes }),
      });
      update(id, { state: 'done', loadedBytes: file.size, stored });
      options.onUploaded(stored);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        update(id, { state: 'cancelled' });
      } else {
        fail(id, error instanceof ApiError ? error : networkError());
      }
    } finally {
      controllers.delete(id);
      startWaiting();
    }
  };

  // Starts waiting files while fewer than `parallelUploads` are going.
  const startWaiting = () => {
    const tenantId = options.tenantId();
    if (!tenantId) {
      return;
    }
    for (const entry of entries) {
      if (controllers.size >= parallelUploads) {
        return;
      }
      const file = files.get(entry.id);
      if (entry.state === 'waiting' && file) {
        void send(entry.id, file, tenantId);
      }
    }
  };

  const add = (added: Iterable<File>) => {
    const maxFileBytes = options.maxFileBytes();
    const newEntries: UploadEntry[] = [];
    for (const file of added) {
      const id = nextId++;
      files.set(id, file);
      const isTooLarge = maxFileBytes !== undefined && file.size > maxFileBytes;
      newEntries.push({
        id,
        fileName: file.name,
        sizeBytes: file.size,
        loadedBytes: 0,
        state: isTooLarge ? 'failed' : 'waiting',
        error: isTooLarge ? tooLargeError(maxFileBytes) : undefined,
      });
    }
    setEntries(produce((list) => list.push(...newEntries)));
    startWaiting();
  };

  const cancel = (id: number) => {
    const controller = controllers.get(id);
    if (controller) {
      controller.abort();
      return;
    }
    update(id, { state: 'cancelled' });
  };

  const retry = (id: number) => {
    update(id, { state: 'waiting', loadedBytes: 0, error: undefined });
    startWaiting();
  };

  const dismiss = (id: number) => {
    files.delete(id);
    setEntries((list) => list.filter((entry) => entry.id !== id));
  };

  onCleanup(() => {
    for (const controller of controllers.values()) {
      controller.abort();
    }
  });

  return { entries, add, cancel, retry, dismiss };
}

export type UploadQueue = ReturnType<typeof createUploadQueue>;

function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'network', message: 'No response' });
}

// Built like the server's 413 for a file over the limit, so the list describes both alike.
function tooLargeError(maxFileBytes: number): UploadError {
  const error = new ApiError({
    status: 413,
    code: 'payload_too_large',
    message: `The file is larger than the ${maxFileBytes} bytes limit.`,
    fields: [{ field: 'file', message: 'too large' }],
  });

  return new UploadError(error, 'file_size');
}
