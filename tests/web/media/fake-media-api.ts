import type { MediaItem, MediaStorage } from '../../../web/src/media/media-types.ts';

export const aisId = '00000000-0000-4000-8000-000000000002';

export const defaultStorage: MediaStorage = {
  usedBytes: 300 * 1024 * 1024,
  quotaBytes: 2 * 1024 * 1024 * 1024,
  maxFileBytes: 20 * 1024 * 1024,
  allowedTypes: ['image/jpeg', 'image/png', 'application/pdf'],
  allowSvg: false,
};

let counter = 0;

/** A file as the admin API lists it; an image unless `overrides` set another type. */
export function mediaItem(overrides: Partial<MediaItem> = {}): MediaItem {
  counter += 1;
  const id = overrides.id ?? `50000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  const originalName = overrides.originalName ?? `anh-${counter}.png`;
  const isImage = (overrides.contentType ?? 'image/png').startsWith('image/');
  const url = `/media/${id}/${encodeURIComponent(originalName)}`;

  return {
    id,
    originalName,
    contentType: 'image/png',
    sizeBytes: 1536 * 1024,
    width: 1200,
    height: 800,
    altVi: null,
    altEn: null,
    url,
    publicUrl: `http://ais.mic.localhost${url}`,
    thumbnailUrl: isImage ? `/api/admin/media/${id}/thumbnail?tenantId=${aisId}` : null,
    variants: [],
    uploadedBy: '10000000-0000-4000-8000-000000000001',
    uploaderName: 'Lê Thị Biên Tập',
    createdAt: '2026-11-20T03:00:00.000Z',
    ...overrides,
  };
}

/** The reply a fake upload gives: a status and a JSON body. */
export type FakeUploadReply = { status: number; body: unknown };

/**
 * Installs a stand-in XMLHttpRequest for uploads: `reply` picks the response for each file by its
 * decoded `X-File-Name`, and a reply that never settles keeps the upload going. The body goes out in two progress steps before the reply, each a task
 * later, so a test sees the progress bar move. Every send is recorded with its headers.
 */
export function createFakeUploads(
  reply: (fileName: string) => FakeUploadReply | Promise<FakeUploadReply>,
) {
  const sent: { url: string; method: string; headers: Record<string, string>; body: unknown }[] =
    [];

  class FakeUploadRequest {
    status = 0;
    responseText = '';
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private method = '';
    private url = '';
    private headers: Record<string, string> = {};
    private isAborted = false;

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }

    setRequestHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
    }

    getResponseHeader() {
      return null;
    }

    abort() {
      this.isAborted = true;
      this.onabort?.();
    }

    send(body: File) {
      sent.push({ url: this.url, method: this.method, headers: this.headers, body });
      const fileName = decodeURIComponent(this.headers['x-file-name'] ?? '');
      const total = body.size;
      const progress = (loaded: number) =>
        this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
      setTimeout(() => {
        if (this.isAborted) {
          return;
        }
        progress(Math.floor(total / 2));
        setTimeout(() => {
          if (this.isAborted) {
            return;
          }
          progress(total);
          void Promise.resolve(reply(fileName)).then((answer) => {
            if (this.isAborted) {
              return;
            }
            this.status = answer.status;
            this.responseText = JSON.stringify(answer.body);
            this.onload?.();
          });
        }, 0);
      }, 0);
    }
  }

  return { FakeUploadRequest, sent };
}

/** The body of an error reply, as the server's error handler writes it. */
export function errorBody(code: string, message: string, details?: Record<string, unknown>) {
  return {
    error: { code, message, fields: [{ field: 'file', message }], ...(details ? { details } : {}) },
  };
}
