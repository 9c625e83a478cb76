import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { media } from '../../../server/db/schema/media.ts';
import { withTenant } from '../../../server/db/tenant-scope.ts';
import { AppError } from '../../../server/errors.ts';
import { createFilesystemStore } from '../../../server/media/filesystem-store.ts';
import { createS3Store } from '../../../server/media/s3-store.ts';
import type { MediaStore } from '../../../server/media/store.ts';
import {
  defaultUploadLimits,
  storeUpload,
  type StoreUploadOptions,
  type UploadLimits,
} from '../../../server/media/upload.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createTenant } from '../../helpers/factories.ts';
import {
  compoundFileBytes,
  countingStream,
  createTemporaryFolder,
  elfBytes,
  findClosedPort,
  hasGpsPointer,
  listFiles,
  makeJpeg,
  makeJpegWithGps,
  makePng,
  mp4Bytes,
  pdfBytes,
  peBytes,
  s3SettingsFor,
  startFailingProxy,
  startS3Server,
  type S3TestServer,
} from './media-fixtures.ts';

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function rejectionOf(attempt: Promise<unknown>): Promise<AppError> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }

  throw new Error('expected the upload to be rejected, but it was stored');
}

async function readObject(store: MediaStore, key: string): Promise<Buffer> {
  const object = await store.get(key);
  if (!object) {
    throw new Error(`no object under ${key}`);
  }

  return buffer(object.body);
}

describe('storeUpload', () => {
  let database: TestDatabase;
  let tenantId: string;
  let storeRoot: Awaited<ReturnType<typeof createTemporaryFolder>>;
  let work: Awaited<ReturnType<typeof createTemporaryFolder>>;
  let store: MediaStore;

  const upload = (
    bytes: Buffer | Readable,
    fileName: string,
    overrides: Partial<StoreUploadOptions> = {},
  ) =>
    storeUpload(database.db, store, {
      tenantId,
      uploaderId: null,
      fileName,
      stream: Buffer.isBuffer(bytes) ? Readable.from([bytes]) : bytes,
      limits: defaultUploadLimits,
      workFolder: work.folder,
      ...overrides,
    });

  const listRows = (tenant = tenantId) =>
    withTenant(database.db, tenant, (tx) =>
      tx.select().from(media).where(eq(media.tenantId, tenant)),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.destroy();
  });

  beforeEach(async () => {
    tenantId = (await createTenant(database.db)).id;
    storeRoot = await createTemporaryFolder('media-store');
    work = await createTemporaryFolder('media-work');
    store = createFilesystemStore(storeRoot.folder);
  });

  afterEach(async () => {
    // Every upload, accepted or not, must clean up its work folder.
    expect(await readdir(work.folder)).toEqual([]);
    await storeRoot.remove();
    await work.remove();
  });

  it('stores a PDF under a generated key', async () => {
    const bytes = pdfBytes();
    const { media: row, isDuplicate } = await upload(bytes, 'Báo cáo.pdf', {
      uploaderId: '7d1f3c8e-5b0a-4c1e-9a7d-2f4b6c8d0e1a',
      altVi: '  Báo cáo năm  ',
    });

    expect(isDuplicate).toBe(false);
    expect(row.objectKey).toMatch(new RegExp(`^${tenantId}/\\d{4}/[0-9a-f-]{36}\\.pdf$`));
    expect(row.contentType).toBe('application/pdf');
    expect(row.sizeBytes).toBe(bytes.length);
    expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(row.originalName).toBe('Báo cáo.pdf');
    expect(row.altVi).toBe('Báo cáo năm');
    expect(row.uploadedBy).toBe('7d1f3c8e-5b0a-4c1e-9a7d-2f4b6c8d0e1a');
    expect(await readObject(store, row.objectKey)).toEqual(bytes);
    expect(await listRows()).toHaveLength(1);
  });

  it('rejects executables named as photos', async () => {
    for (const bytes of [elfBytes(), peBytes()]) {
      const error = await rejectionOf(upload(bytes, 'photo.jpg'));

      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe('Programs and installers are not accepted.');
      expect(error.fields[0]?.field).toBe('file');
    }
    expect(await listRows()).toEqual([]);
    expect(await listFiles(storeRoot.folder)).toEqual([]);
  });

  it('rejects HTML whatever its name', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

    const error = await rejectionOf(upload(html, 'report.pdf'));

    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('HTML files are not accepted.');
  });

  it('rejects a PDF that carries an HTML payload', async () => {
    const polyglot = pdfBytes(
      '<html><body><script>alert(document.domain)</script></body></html>\n',
    );

    const error = await rejectionOf(upload(polyglot, 'tai-lieu.pdf'));

    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('HTML markup');
    expect(await listRows()).toEqual([]);
  });

  it('re-encodes a JPEG with a ZIP appended', async () => {
    const jpeg = await makeJpeg(320, 240);
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 1)]);

    const { media: row } = await upload(Buffer.concat([jpeg, zip]), 'anh.jpg');
    const stored = await readObject(store, row.objectKey);

    expect(row.contentType).toBe('image/jpeg');
    expect(stored.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
    expect((await sharp(stored).metadata()).format).toBe('jpeg');
  });

  it('rejects an empty file', async () => {
    const error = await rejectionOf(upload(Buffer.alloc(0), 'empty.pdf'));

    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('The file is empty.');
    expect(error.fields).toEqual([{ field: 'file', message: 'The file has no content.' }]);
  });

  it('stops reading a file over the limit', async () => {
    const chunkBytes = 64 * 1024;
    const totalBytes = 50 * 1024 * 1024;
    const { stream, counter } = countingStream(totalBytes, chunkBytes);
    const limits = { ...defaultUploadLimits, maxBytes: 1024 * 1024 };

    const error = await rejectionOf(upload(stream, 'video.mp4', { limits }));

    expect(error.code).toBe('payload_too_large');
    expect(error.message).toBe('The file is larger than the 1 MiB limit.');
    expect(error.fields[0]?.field).toBe('file');
    // The source may buffer a few chunks ahead of the check, but never much more.
    expect(counter.bytesRead).toBeLessThanOrEqual(limits.maxBytes + 4 * chunkBytes);
    expect(counter.bytesRead).toBeLessThan(totalBytes);
    expect(stream.destroyed).toBe(true);
    expect(await listFiles(storeRoot.folder)).toEqual([]);
  });

  it('sanitises file names', async () => {
    const cases = [
      ['../../etc/pass\u0000wd\r\n.pdf', 'passwd.pdf'],
      ['C:\\Users\\chuyen-vien\\Quyết định số 12.docx', 'Quyết định số 12.pdf'],
      ['Ba\u0301o ca\u0301o tô\u0309ng kê\u0301t.pdf', 'Báo cáo tổng kết.pdf'],
      ['invoice\u202Efdp.exe', 'invoicefdp.pdf'],
      ['...', 'tep-tin.pdf'],
      [`${'â'.repeat(300)}.pdf`, `${'â'.repeat(120)}.pdf`],
    ] as const;

    for (const [index, [fileName, expected]] of cases.entries()) {
      const { media: row } = await upload(pdfBytes(`% ${index}\n`), fileName);

      expect(row.originalName, JSON.stringify(fileName)).toBe(expected);
    }
  });

  it('returns the existing row for the same bytes', async () => {
    const bytes = pdfBytes('% same\n');
    const first = await upload(bytes, 'first.pdf');
    const filesAfterFirst = await listFiles(storeRoot.folder);

    const second = await upload(bytes, 'second.pdf');

    expect(second.isDuplicate).toBe(true);
    expect(second.media.id).toBe(first.media.id);
    expect(second.media.originalName).toBe('first.pdf');
    expect(await listFiles(storeRoot.folder)).toEqual(filesAfterFirst);
    expect(await listRows()).toHaveLength(1);
  });

  it('rejects a file that would exceed the quota', async () => {
    const first = pdfBytes('% first\n');
    const limits: UploadLimits = { ...defaultUploadLimits, quotaBytes: first.length + 100 };
    await upload(first, 'first.pdf', { limits });

    const error = await rejectionOf(upload(pdfBytes('% second\n'), 'second.pdf', { limits }));

    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain(`storage quota of ${limits.quotaBytes} bytes`);
    expect(await listRows()).toHaveLength(1);
    expect(await listFiles(storeRoot.folder)).toHaveLength(1);
  });

  it('strips EXIF and GPS from the original and variants', async () => {
    const bytes = await makeJpegWithGps(2000, 1000);
    const input = await sharp(bytes).metadata();
    expect(hasGpsPointer(input.exif!)).toBe(true);

    const { media: row } = await upload(bytes, 'hien-truong.jpg');

    // Orientation 6 turns the 2000 × 1000 pixels upright as 1000 × 2000.
    expect([row.width, row.height]).toEqual([1000, 2000]);
    expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(row.variants.map((variant) => `${variant.format}@${variant.width}`).sort()).toEqual([
      'jpeg@480',
      'jpeg@960',
      'webp@480',
      'webp@960',
    ]);
    for (const key of [row.objectKey, ...row.variants.map((variant) => variant.objectKey)]) {
      const metadata = await sharp(await readObject(store, key)).metadata();

      expect(metadata.exif, key).toBeUndefined();
      expect(metadata.orientation, key).toBeUndefined();
      expect(metadata.height, key).toBeGreaterThan(metadata.width);
    }
    const variant = row.variants.find((candidate) => candidate.width === 480)!;
    expect(variant.height).toBe(960);
  });

  it('makes no variant wider than the image', async () => {
    const { media: row } = await upload(await makePng(400, 300), 'nho.png');

    expect(row.contentType).toBe('image/png');
    expect(row.variants).toEqual([]);
    expect([row.width, row.height]).toEqual([400, 300]);
  });

  it('rejects SVG unless allowed, then stores it sanitised', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" ' +
        'onload="alert(1)"><script>alert(2)</script><rect width="20" height="10"/></svg>',
    );

    const error = await rejectionOf(upload(svg, 'logo.svg'));
    expect(error.message).toContain('SVG images are not accepted');

    const limits = { ...defaultUploadLimits, allowSvg: true };
    const { media: row } = await upload(svg, 'logo.svg', { limits });
    const stored = (await readObject(store, row.objectKey)).toString('utf8');

    expect(row.contentType).toBe('image/svg+xml');
    expect([row.width, row.height]).toEqual([20, 10]);
    expect(stored).toContain('<rect');
    expect(stored).not.toContain('script');
    expect(stored).not.toContain('onload');
  });

  it('tells Word documents from other compound files', async () => {
    const document = compoundFileBytes([
      { name: 'WordDocument', type: 'stream' },
      { name: '1Table', type: 'stream' },
    ]);
    const withMacros = compoundFileBytes([
      { name: 'WordDocument', type: 'stream' },
      { name: 'Macros', type: 'storage' },
    ]);
    const installer = compoundFileBytes([{ name: 'SummaryInformation', type: 'stream' }]);

    const { media: row } = await upload(document, 'cong-van.doc');
    const macroError = await rejectionOf(upload(withMacros, 'cong-van-2.doc'));
    const installerError = await rejectionOf(upload(installer, 'setup.doc'));

    expect(row.contentType).toBe('application/msword');
    expect(row.originalName).toBe('cong-van.doc');
    expect(macroError.message).toContain('macros');
    expect(installerError.message).toContain('application/x-cfb');
  });

  it('rejects a recognised type the limits leave out', async () => {
    const limits = { ...defaultUploadLimits, allowedTypes: ['application/pdf', docxMime] };

    const error = await rejectionOf(upload(await makePng(10, 10), 'anh.png', { limits }));

    expect(error.message).toBe(
      'Files of type image/png are not accepted. Allowed types: pdf, docx.',
    );
  });

  it('rejects archives', async () => {
    const zip = Buffer.concat([
      Buffer.from('504b0304140000000000', 'hex'),
      Buffer.alloc(20),
      Buffer.from('a.txt', 'latin1'),
      Buffer.alloc(100),
    ]);
    zip.writeUInt16LE(5, 26);

    const error = await rejectionOf(upload(zip, 'tai-lieu.zip'));

    expect(error.message).toContain('Archives (zip) are not accepted.');
  });

  it('returns 503 and keeps nothing when S3 is down', async () => {
    const deadStore = createS3Store(s3SettingsFor(await findClosedPort()));

    const error = await rejectionOf(
      storeUpload(database.db, deadStore, {
        tenantId,
        uploaderId: null,
        fileName: 'report.pdf',
        stream: Readable.from([pdfBytes('% outage\n')]),
        limits: defaultUploadLimits,
        workFolder: work.folder,
      }),
    );

    expect(error.code).toBe('unavailable');
    expect(error.status).toBe(503);
    expect(error.message).toBe('Media storage is unavailable. Try again later.');
    expect(await listRows()).toEqual([]);
  });

  it('deletes the stored objects when the insert fails', async () => {
    // No tenant has this id, so the row's foreign key fails after the objects are stored.
    const missingTenant = '5a4c1f0e-9d3b-4e2a-8c6f-1b7d9e0a2c4f';

    await expect(
      upload(await makeJpeg(1200, 800), 'anh.jpg', { tenantId: missingTenant }),
    ).rejects.toThrow();

    expect(await listFiles(storeRoot.folder)).toEqual([]);
    expect(await listRows(missingTenant)).toEqual([]);
  });
});

describe('storeUpload on S3', () => {
  let database: TestDatabase;
  let server: S3TestServer;
  let tenantId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startS3Server();
    tenantId = (await createTenant(database.db)).id;
  });

  afterAll(async () => {
    await server.stop();
    await database.destroy();
  });

  it('puts the original and its variants into the bucket', async () => {
    const store = createS3Store(server.settings);

    const { media: row } = await storeUpload(database.db, store, {
      tenantId,
      uploaderId: null,
      fileName: 'anh-lon.jpg',
      stream: Readable.from([await makeJpeg(1700, 900)]),
      limits: defaultUploadLimits,
    });

    expect(await server.listKeys()).toEqual(
      [row.objectKey, ...row.variants.map((variant) => variant.objectKey)].sort(),
    );
    expect(row.variants).toHaveLength(6);
    const head = await store.head(row.objectKey);
    expect(head).toEqual({ size: row.sizeBytes, contentType: 'image/jpeg' });
    expect(path.extname(row.objectKey)).toBe('.jpg');
  });

  it('keeps no object or row when S3 fails mid-upload', async () => {
    // The proxy drops the connection 6 MiB into a 12 MiB upload sent in parts of 8 MiB.
    const proxy = await startFailingProxy(Number(new URL(server.settings.endpoint!).port), 6 << 20);
    const store = createS3Store({ ...server.settings, endpoint: `http://127.0.0.1:${proxy.port}` });
    const keysBefore = await server.listKeys();

    const error = await rejectionOf(
      storeUpload(database.db, store, {
        tenantId,
        uploaderId: null,
        fileName: 'phong-su.mp4',
        stream: Readable.from([mp4Bytes(12 << 20)]),
        limits: defaultUploadLimits,
      }),
    );
    await proxy.stop();

    expect(error.code).toBe('unavailable');
    expect(await server.listKeys()).toEqual(keysBefore);
    const rows = await withTenant(database.db, tenantId, (tx) =>
      tx.select().from(media).where(eq(media.contentType, 'video/mp4')),
    );
    expect(rows).toEqual([]);
  });
});
