import { ApiError } from '../api/api-error.ts';
import type { StoredMedia } from './media-types.ts';

export type UploadFileOptions = {
  tenantId: string;
  file: File;
  /** Called as the body goes out, with the bytes sent so far and the total. */
  onProgress: (loadedBytes: number, totalBytes: number) => void;
  signal: AbortSignal;
  /** Defaults to the admin API on this origin. */
  baseUrl?: string;
};

/** The limit a 413 names in `details.limit`: the size of one file or the portal's quota. */
export type UploadLimitName = 'file_size' | 'quota';

/** A rejected upload: the server's error, with the limit that a 413 names. */
export class UploadError extends ApiError {
  override name = 'UploadError';
  readonly limit: UploadLimitName | undefined;

  constructor(error: ApiError, limit: UploadLimitName | undefined) {
    super({
      status: error.status,
      code: error.code,
      message: error.message,
      fields: error.fields,
      retryAfterSeconds: error.retryAfterSeconds,
    });
    this.limit = limit;
  }
}

type UploadErrorBody = { error?: { details?: { limit?: unknown } } };

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorOf(request: XMLHttpRequest): UploadError {
  // `load` fires only when a response arrived, so the status is one `Response` accepts.
  const response = new Response(null, {
    status: request.status,
    headers: { 'retry-after': request.getResponseHeader('retry-after') ?? '' },
  });
  const body = parseBody(request.responseText);
  const limit = (body as UploadErrorBody | undefined)?.error?.details?.limit;

  return new UploadError(
    ApiError.fromResponse(response, body),
    limit === 'file_size' || limit === 'quota' ? limit : undefined,
  );
}

/**
 * Uploads one file to `POST /api/admin/media` as the raw body, the way the server's CSRF check
 * expects it: same origin with the session cookie, `application/octet-stream`, and the file
 * name percent-encoded in `X-File-Name`. It uses XMLHttpRequest because fetch reports no upload
 * progress. Resolves with the stored file. Rejects with an `UploadError` for an error response,
 * an `ApiError` coded `network` when none came, and with an `AbortError` DOMException when `signal` aborts.
 */
export function uploadFile(options: UploadFileOptions): Promise<StoredMedia> {
  const base = options.baseUrl ?? new URL('/api/admin', window.location.origin).href;
  const url = `${base}/media?tenantId=${encodeURIComponent(options.tenantId)}`;

  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('X-File-Name', encodeURIComponent(options.file.name));
    request.upload.onprogress = (event) => {
      options.onProgress(event.loaded, event.lengthComputable ? event.total : options.file.size);
    };
    request.onload = () => {
      const body = parseBody(request.responseText) as StoredMedia | undefined;
      if (request.status >= 200 && request.status < 300 && body?.media) {
        resolve(body);
        return;
      }
      reject(errorOf(request));
    };
    request.onerror = () => {
      reject(new ApiError({ status: 0, code: 'network', message: 'No response' }));
    };
    request.onabort = () => {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    options.signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(options.file);
  });
}
