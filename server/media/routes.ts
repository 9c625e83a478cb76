import { Readable } from 'node:stream';

import { and, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';

import type { AppEnv } from '../app-env.ts';
import { media } from '../db/schema/media.ts';
import { withTenant } from '../db/tenant-scope.ts';
import { renderStatusPage } from '../site/status-page.tsx';
import { contentDisposition } from './file-name.ts';
import { matchesEtag, parseRange } from './http-range.ts';
import { extensionOfFormat, mimeOfFormat } from './images.ts';
import type { MediaStore } from './store.ts';
import { mediaRoutePaths } from './urls.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const widthPattern = /^\d{1,5}$/;

/**
 * Media never run code: no script, no plugin, no form, no same-origin access even when a
 * browser is tricked into rendering a file as a document.
 *
 * NOTE: Chromium is reported to refuse its PDF viewer in a sandboxed document, so an inline PDF
 * opened directly may show as blocked there. This was not checked in a browser. Dropping
 * `sandbox` for `application/pdf` alone would be the fix if it holds.
 */
export const mediaContentSecurityPolicy = "default-src 'none'; sandbox";

/** The object one response serves: the original or one of its variants. */
type ServedObject = {
  objectKey: string;
  sizeBytes: number;
  contentType: string;
  fileName: string;
  etag: string;
};

type MediaLookup = {
  id: string;
  objectKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  variants: (typeof media.$inferSelect)['variants'];
};

/** Checks whether browsers display a type themselves. Any other type is downloaded. */
function isShownInline(contentType: string): boolean {
  return /^(image|video|audio)\//.test(contentType) || contentType === 'application/pdf';
}

async function findMedia(c: Context<AppEnv>, id: string): Promise<MediaLookup | undefined> {
  const { db, tenant } = c.var;
  // Under row-level security another tenant's id finds nothing, so it is served as not found.
  const [row] = await withTenant(db, tenant.id, (tx) =>
    tx
      .select({
        id: media.id,
        objectKey: media.objectKey,
        originalName: media.originalName,
        contentType: media.contentType,
        sizeBytes: media.sizeBytes,
        sha256: media.sha256,
        variants: media.variants,
      })
      .from(media)
      // Files sent with feedback are never public, so their ids get 404 here.
      .where(and(eq(media.tenantId, tenant.id), eq(media.id, id), eq(media.isPrivate, false))),
  );

  return row;
}

/**
 * Picks the original, or the variant that the width and the file name's extension name. The
 * row's SHA-256 is of the uploaded bytes, not the stored ones, but it still makes a strong ETag
 * because the objects under one media id never change.
 */
function selectObject(row: MediaLookup, width: string | undefined, fileName: string) {
  if (width === undefined) {
    const served: ServedObject = {
      objectKey: row.objectKey,
      sizeBytes: row.sizeBytes,
      contentType: row.contentType,
      fileName: row.originalName,
      etag: `"${row.sha256}"`,
    };
    return served;
  }

  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  const variant = row.variants.find(
    (candidate) =>
      String(candidate.width) === width && extensionOfFormat[candidate.format] === extension,
  );
  if (!variant) {
    return undefined;
  }
  const stem = row.originalName.slice(0, row.originalName.lastIndexOf('.'));

  return {
    objectKey: variant.objectKey,
    sizeBytes: variant.sizeBytes,
    contentType: mimeOfFormat[variant.format],
    fileName: `${stem}.${extension}`,
    etag: `"${row.sha256}-w${variant.width}.${extension}"`,
  } satisfies ServedObject;
}

function setMediaHeaders(c: Context<AppEnv>, served: ServedObject, extra: Record<string, string>) {
  const disposition = isShownInline(served.contentType) ? 'inline' : 'attachment';
  const headers: Record<string, string> = {
    'Content-Type': served.contentType,
    'Content-Disposition': contentDisposition(disposition, served.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': mediaContentSecurityPolicy,
    // Objects never change: a new upload gets a new id, so caches may keep them for a year.
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: served.etag,
    'Accept-Ranges': 'bytes',
    ...extra,
  };
  for (const [name, value] of Object.entries(headers)) {
    c.header(name, value);
  }
}

/**
 * Serves one stored object with its caching, range and safety headers, streaming it from the
 * store. Conditional requests get 304, `Range` gets 206 or 416, `HEAD` opens nothing.
 */
async function serveObject(c: Context<AppEnv>, store: MediaStore, served: ServedObject) {
  if (matchesEtag(c.req.header('if-none-match'), served.etag)) {
    setMediaHeaders(c, served, {});
    return c.body(null, 304);
  }

  // If-Range with another validator means the client's copy is stale: send it all.
  const ifRange = c.req.header('if-range');
  const rangeHeader = !ifRange || ifRange === served.etag ? c.req.header('range') : undefined;
  const range = parseRange(rangeHeader, served.sizeBytes);
  if (range.kind === 'unsatisfiable') {
    setMediaHeaders(c, served, { 'Content-Range': `bytes */${served.sizeBytes}` });
    return c.body(null, 416);
  }

  const byteRange = range.kind === 'partial' ? range.range : undefined;
  const length = byteRange ? byteRange.end - byteRange.start + 1 : served.sizeBytes;
  const rangeHeaders: Record<string, string> = byteRange
    ? { 'Content-Range': `bytes ${byteRange.start}-${byteRange.end}/${served.sizeBytes}` }
    : {};
  const status = byteRange ? 206 : 200;
  if (c.req.method === 'HEAD') {
    setMediaHeaders(c, served, { ...rangeHeaders, 'Content-Length': String(length) });
    return c.body(null, status);
  }

  const object = await store.get(served.objectKey, { range: byteRange });
  if (!object) {
    c.var.log.error({ objectKey: served.objectKey }, 'media object missing from the store');
    return renderStatusPage(c, 404);
  }
  setMediaHeaders(c, served, { ...rangeHeaders, 'Content-Length': String(length) });
  const body = Readable.toWeb(object.body) as unknown as ReadableStream<Uint8Array>;

  return c.body(body, status);
}

/**
 * Creates the public media routes of every portal: `/media/:id/:fileName` for an original and
 * `/media/:id/w/:width/:fileName` for a variant, whose file name extension picks the format.
 * A file is served only on the host of the tenant that owns it.
 */
export function createMediaRoutes(store: MediaStore) {
  const routes = new Hono<AppEnv>();

  const serve = async (c: Context<AppEnv>, width: string | undefined) => {
    const id = c.req.param('id') ?? '';
    if (!uuidPattern.test(id) || (width !== undefined && !widthPattern.test(width))) {
      return renderStatusPage(c, 404);
    }
    const row = await findMedia(c, id);
    const served = row && selectObject(row, width, c.req.param('fileName') ?? '');
    if (!served) {
      return renderStatusPage(c, 404);
    }

    return serveObject(c, store, served);
  };

  routes.get(mediaRoutePaths.original, (c) => serve(c, undefined));
  routes.get(mediaRoutePaths.variant, (c) => serve(c, c.req.param('width')));

  return routes;
}
