import { mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import sharp from 'sharp';

import { createS3Client, type S3StoreSettings } from '../../../server/media/s3-store.ts';

export const bucket = 'media';

/** Creates a temporary folder and returns it with a function that removes it. */
export async function createTemporaryFolder(prefix: string) {
  const folder = await mkdtemp(path.join(tmpdir(), `${prefix}-`));

  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** Lists every file under `folder`, as paths relative to it. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });

  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

export type S3TestServer = {
  settings: S3StoreSettings;
  client: S3Client;
  listKeys: () => Promise<string[]>;
  stop: () => Promise<void>;
};

/** Starts s3rver on a free loopback port with an empty `media` bucket. */
export async function startS3Server(): Promise<S3TestServer> {
  const data = await createTemporaryFolder('s3rver');
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: data.folder,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  const settings = s3SettingsFor(address.port);
  const client = createS3Client(settings);

  const listKeys = async () => {
    const listing = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    return (listing.Contents ?? []).map((object) => object.Key ?? '').sort();
  };
  const stop = async () => {
    client.destroy();
    server.httpServer?.closeAllConnections();
    await server.close();
    await data.remove();
  };

  return { settings, client, listKeys, stop };
}

/** Store settings for an S3 endpoint on a loopback port. */
export function s3SettingsFor(port: number): S3StoreSettings {
  return {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
}

/** Returns a loopback port that nothing listens on: one the OS just handed out and took back. */
export async function findClosedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

/** Deterministic pseudo-random bytes, so a corrupted byte anywhere changes the comparison. */
export function patternBytes(length: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    bytes[i] = state >>> 16;
  }

  return bytes;
}

/**
 * Creates a stream of `totalBytes` that yields chunks one at a time and records how many bytes it
 * has handed out, to show how much of an upload was read.
 */
export function countingStream(totalBytes: number, chunkBytes = 64 * 1024) {
  const counter = { bytesRead: 0 };
  const chunk = patternBytes(chunkBytes);
  const stream = new Readable({
    highWaterMark: chunkBytes,
    read() {
      const remaining = totalBytes - counter.bytesRead;
      if (remaining <= 0) {
        this.push(null);
        return;
      }
      const next = chunk.subarray(0, Math.min(chunkBytes, remaining));
      counter.bytesRead += next.length;
      this.push(Buffer.from(next));
    },
  });

  return { stream, counter };
}

/** Encodes a noisy RGB JPEG, so its size is realistic and re-encoding changes its bytes. */
export async function makeJpeg(width: number, height: number): Promise<Buffer> {
  const pixels = patternBytes(width * height * 3, width);

  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Encodes a JPEG whose EXIF contains a GPS position and orientation 6 (shown rotated 90° clockwise). */
export async function makeJpegWithGps(width: number, height: number): Promise<Buffer> {
  const pixels = patternBytes(width * height * 3, height);

  return (
    sharp(pixels, { raw: { width, height, channels: 3 } })
      .withExif({
        IFD0: { Make: 'Test camera' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '21/1 1/1 30/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '105/1 51/1 0/1',
        },
      })
      // Set after withExif, which would otherwise replace the orientation tag.
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90 })
      .toBuffer()
  );
}

export async function makePng(width: number, height: number): Promise<Buffer> {
  const pixels = patternBytes(width * height * 4, 7);

  return sharp(pixels, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

/** Returns the start of a 64-bit ELF executable for x86-64, as `file-type` recognises it. */
export function elfBytes(): Buffer {
  const header = Buffer.alloc(4096);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(header);
  header.writeUInt16LE(2, 16); // e_type: executable
  header.writeUInt16LE(0x3e, 18); // e_machine: x86-64

  return header;
}

/** Returns a Windows PE executable: the `MZ` stub pointing at a `PE\0\0` header. */
export function peBytes(): Buffer {
  const bytes = Buffer.alloc(4096);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84); // machine: i386

  return bytes;
}

/** Returns a small but well-formed PDF of one empty page. */
export function pdfBytes(extra = ''): Buffer {
  return Buffer.from(
    `%PDF-1.4\n${extra}1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n` +
      '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n' +
      'trailer <</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

/**
 * Builds a minimal Compound File Binary file (version 3, 512-byte sectors) whose directory
 * contains the root and one entry per name: enough for the reader that tells .doc from .msi.
 */
export function compoundFileBytes(names: { name: string; type: 'stream' | 'storage' }[]) {
  const sectorSize = 512;
  const entries = [{ name: 'Root Entry', type: 5 }].concat(
    names.map((entry) => ({ name: entry.name, type: entry.type === 'stream' ? 2 : 1 })),
  );
  const directorySectors = Math.ceil(entries.length / 4);
  // Sector 0 is the FAT, then the directory chain.
  const file = Buffer.alloc(sectorSize * (2 + directorySectors));
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(file);
  file.writeUInt16LE(0x3e, 0x18);
  file.writeUInt16LE(3, 0x1a);
  file.writeUInt16LE(0xfffe, 0x1c);
  file.writeUInt16LE(9, 0x1e);
  file.writeUInt16LE(6, 0x20);
  file.writeUInt32LE(1, 0x2c);
  file.writeUInt32LE(1, 0x30);
  file.writeUInt32LE(0x1000, 0x38);
  file.writeUInt32LE(0xfffffffe, 0x3c);
  file.writeUInt32LE(0xfffffffe, 0x44);
  file.fill(0xff, 0x4c, 512);
  file.writeUInt32LE(0, 0x4c);

  const fat = sectorSize;
  file.fill(0xff, fat, fat + sectorSize);
  file.writeUInt32LE(0xfffffffd, fat); // sector 0 is the FAT
  for (let sector = 1; sector <= directorySectors; sector++) {
    const next = sector === directorySectors ? 0xfffffffe : sector + 1;
    file.writeUInt32LE(next, fat + sector * 4);
  }

  entries.forEach((entry, index) => {
    const offset = sectorSize * 2 + index * 128;
    const name = Buffer.from(`${entry.name}\0`, 'utf16le');
    name.copy(file, offset);
    file.writeUInt16LE(name.length, offset + 0x40);
    file[offset + 0x42] = entry.type;
    file.writeUInt32LE(0xffffffff, offset + 0x44);
    file.writeUInt32LE(0xffffffff, offset + 0x48);
    file.writeUInt32LE(0xffffffff, offset + 0x4c);
  });

  return file;
}

/** Checks whether EXIF data contains a pointer to a GPS IFD (tag 0x8825), in either byte order. */
export function hasGpsPointer(exif: Buffer): boolean {
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}

/** Builds a ZIP archive of uncompressed entries, with its central directory. */
export function zipBytes(entries: { name: string; content: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const content = Buffer.from(entry.content, 'utf8');
    const crc = crc32(content);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, content);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + content.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);

  return Buffer.concat([...locals, directory, end]);
}

/** Builds a minimal Word document: the content types part and an empty body. */
export function docxBytes(text = 'Nội dung'): Buffer {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

  return zipBytes([
    { name: '[Content_Types].xml', content: contentTypes },
    { name: 'word/document.xml', content: `<w:document><w:body>${text}</w:body></w:document>` },
  ]);
}

/** Builds an MP4 file: an `ftyp` box of brand `isom` followed by filler. */
export function mp4Bytes(length: number): Buffer {
  const box = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');

  return Buffer.concat([box, patternBytes(length - box.length, 5)]);
}

/**
 * Starts a loopback TCP proxy to `targetPort` that forwards until clients have sent
 * `cutAfterBytes`, then drops every connection and resets new ones: an outage that starts in
 * the middle of an upload.
 */
export async function startFailingProxy(targetPort: number, cutAfterBytes: number) {
  const sockets = new Set<net.Socket>();
  let forwardedBytes = 0;
  let isDown = false;

  const cut = () => {
    isDown = true;
    for (const socket of sockets) {
      socket.destroy();
    }
  };
  const server = net.createServer((client) => {
    if (isDown) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      forwardedBytes += chunk.length;
      if (forwardedBytes > cutAfterBytes) {
        cut();
        return;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
    for (const socket of [client, upstream]) {
      socket.on('error', () => {});
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  const stop = async () => {
    cut();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return { port, stop };
}
