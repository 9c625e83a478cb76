import path from 'node:path';
import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createFilesystemStore } from '../../../server/media/filesystem-store.ts';
import { defaultUploadLimits, storeUpload, type MediaRow } from '../../../server/media/upload.ts';
import { mediaPath, variantPath } from '../../../server/media/urls.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant } from '../../helpers/factories.ts';
import {
  createTemporaryFolder,
  docxBytes,
  findClosedPort,
  makeJpeg,
  mp4Bytes,
  s3SettingsFor,
} from './media-fixtures.ts';

describe('GET /media/:id/:fileName', () => {
  let database: TestDatabase;
  let dataDir: Awaited<ReturnType<typeof createTemporaryFolder>>;
  let testApp: ReturnType<typeof buildTestApp>;
  let unitHost: string;
  let otherHost: string;
  let photo: MediaRow;
  let video: MediaRow;
  let videoBytes: Buffer;
  let document: MediaRow;
  let otherTenantPhoto: MediaRow;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await createTemporaryFolder('media-serving');
    const store = createFilesystemStore(path.join(dataDir.folder, 'media'));
    const unit = await createTenant(database.db, { slug: 'cuc-a' });
    const other = await createTenant(database.db, { slug: 'cuc-b' });
    unitHost = unit.canonicalHost;
    otherHost = other.canonicalHost;

    const upload = async (tenantId: string, bytes: Buffer, fileName: string) => {
      const stored = await storeUpload(database.db, store, {
        tenantId,
        uploaderId: null,
        fileName,
        stream: Readable.from([bytes]),
        limits: defaultUploadLimits,
      });
      return stored.media;
    };
    photo = await upload(unit.id, await makeJpeg(1000, 500), 'Ảnh hội nghị.jpg');
    videoBytes = mp4Bytes(200_000);
    video = await upload(unit.id, videoBytes, 'phong-su.mp4');
    document = await upload(unit.id, docxBytes(), 'Kế hoạch 2026.docx');
    otherTenantPhoto = await upload(other.id, await makeJpeg(600, 400), 'rieng.jpg');
    testApp = buildTestApp(database.db, { dataDir: dataDir.folder });
  });

  afterAll(async () => {
    await database.destroy();
    await dataDir.remove();
  });

  it('serves an image inline with safe caching headers', async () => {
    const response = await testApp.request(unitHost, mediaPath(photo));
    const body = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-length')).toBe(String(photo.sizeBytes));
    expect(body.length).toBe(photo.sizeBytes);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('etag')).toBe(`"${photo.sha256}"`);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="Anh_hoi_nghi.jpg"; filename*=UTF-8''${encodeURIComponent('Ảnh hội nghị.jpg')}`,
    );
  });

  it('serves a variant by width and extension', async () => {
    const webp = photo.variants.find(
      (variant) => variant.format === 'webp' && variant.width === 480,
    )!;

    const response = await testApp.request(unitHost, variantPath(photo, webp));
    const body = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(body.length).toBe(webp.sizeBytes);
    expect(response.headers.get('etag')).toBe(`"${photo.sha256}-w480.webp"`);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('answers 404 for a variant that does not exist', async () => {
    for (const suffix of ['w/1600/anh.jpg', 'w/480/anh.png', 'w/abc/anh.jpg', 'w/480/anh']) {
      const response = await testApp.request(unitHost, `/media/${photo.id}/${suffix}`);

      expect(response.status, suffix).toBe(404);
    }
  });

  it('answers a range request with 206', async () => {
    const response = await testApp.request(unitHost, mediaPath(video), {
      headers: { range: 'bytes=100-1099' },
    });
    const body = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-range')).toBe(`bytes 100-1099/${videoBytes.length}`);
    expect(response.headers.get('content-length')).toBe('1000');
    expect(body).toEqual(videoBytes.subarray(100, 1100));
  });

  it('answers a suffix range with the last bytes', async () => {
    const response = await testApp.request(unitHost, mediaPath(video), {
      headers: { range: 'bytes=-500' },
    });

    expect(response.status).toBe(206);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(videoBytes.subarray(-500));
  });

  it('answers 416 for a range past the end', async () => {
    const response = await testApp.request(unitHost, mediaPath(video), {
      headers: { range: `bytes=${videoBytes.length}-` },
    });

    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${videoBytes.length}`);
  });

  it('sends the whole file when If-Range names another version', async () => {
    const response = await testApp.request(unitHost, mediaPath(video), {
      headers: { range: 'bytes=0-9', 'if-range': '"stale"' },
    });

    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(videoBytes.length);
  });

  it('answers 304 when the ETag matches', async () => {
    const response = await testApp.request(unitHost, mediaPath(photo), {
      headers: { 'if-none-match': `"other", "${photo.sha256}"` },
    });

    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(`"${photo.sha256}"`);
    expect(await response.text()).toBe('');
  });

  it('sends a document as an attachment', async () => {
    const response = await testApp.request(unitHost, mediaPath(document));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Ke_hoach_2026.docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%202026.docx`,
    );
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await testApp.request(unitHost, mediaPath(video), { method: 'HEAD' });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(videoBytes.length));
    expect(await response.text()).toBe('');
  });

  it('answers 404 for another portal file on this host', async () => {
    const response = await testApp.request(unitHost, mediaPath(otherTenantPhoto));

    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  it('serves a file only on its own portal host', async () => {
    const own = await testApp.request(otherHost, mediaPath(otherTenantPhoto));
    const foreign = await testApp.request(otherHost, mediaPath(photo));

    expect(own.status).toBe(200);
    expect(foreign.status).toBe(404);
  });

  it('answers 404 on an unknown host', async () => {
    const response = await testApp.request('unknown.portal.test', mediaPath(photo));

    expect(response.status).toBe(404);
    expect(response.headers.get('etag')).toBeNull();
  });

  it('answers 404 for a non-UUID id', async () => {
    const response = await testApp.request(unitHost, '/media/not-a-uuid/anh.jpg');

    expect(response.status).toBe(404);
  });

  it('answers 503 when the S3 store is down', async () => {
    const s3 = s3SettingsFor(await findClosedPort());
    const outage = buildTestApp(database.db, { s3 });

    const response = await outage.request(unitHost, mediaPath(photo));
    const body = (await response.json()) as { error: { code: string; message: string } };

    expect(response.status).toBe(503);
    expect(body.error).toMatchObject({
      code: 'unavailable',
      message: 'Media storage is unavailable. Try again later.',
    });
  });
});
