import { createHash } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createFilesystemStore } from '../../../server/media/filesystem-store.ts';
import { createS3Client, createS3Store } from '../../../server/media/s3-store.ts';
import type { MediaStore } from '../../../server/media/store.ts';
import { createTemporaryFolder, listFiles, patternBytes, startS3Server } from './media-fixtures.ts';

type StoreUnderTest = {
  store: MediaStore;
  /** Every file or object the store holds, temporary files included. */
  listEverything: () => Promise<string[]>;
  /** How many parts the uploads since the last call were sent in, where the store can tell. */
  partCount?: () => Promise<number>;
  teardown: () => Promise<void>;
};

const storeCases: { name: string; setup: () => Promise<StoreUnderTest> }[] = [
  {
    name: 'filesystem',
    setup: async () => {
      const root = await createTemporaryFolder('media-store');
      return {
        store: createFilesystemStore(root.folder),
        listEverything: () => listFiles(root.folder),
        teardown: root.remove,
      };
    },
  },
  {
    name: 's3',
    setup: async () => {
      const server = await startS3Server();
      const client = createS3Client(server.settings);
      const commands: string[] = [];
      client.middlewareStack.add(
        (next, context) => (args) => {
          commands.push(context.commandName ?? '');
          return next(args);
        },
        { step: 'initialize' },
      );
      return {
        store: createS3Store(server.settings, client),
        listEverything: server.listKeys,
        partCount: async () => {
          const parts = commands.filter((command) => command === 'UploadPartCommand').length;
          commands.length = 0;
          return parts;
        },
        teardown: async () => {
          client.destroy();
          await server.stop();
        },
      };
    },
  },
];

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Streams `bytes` in 64 KiB chunks, then fails with an error instead of ending. */
function failingStream(bytes: Buffer): Readable {
  const chunkSize = 64 * 1024;
  let offset = 0;

  return new Readable({
    read() {
      if (offset >= bytes.length) {
        this.destroy(new Error('client went away'));
        return;
      }
      this.push(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

describe.each(storeCases)('$name media store', ({ setup }) => {
  let subject: StoreUnderTest;

  beforeAll(async () => {
    subject = await setup();
  });

  afterAll(async () => {
    await subject.teardown();
  });

  it('returns the bytes and type it stored', async () => {
    const bytes = patternBytes(10_000);
    await subject.store.put('t1/2026/round-trip.png', Readable.from([bytes]), {
      contentType: 'image/png',
      size: bytes.length,
    });

    const object = await subject.store.get('t1/2026/round-trip.png');
    const head = await subject.store.head('t1/2026/round-trip.png');

    expect(object).toBeDefined();
    expect(await buffer(object!.body)).toEqual(bytes);
    expect(object!.size).toBe(10_000);
    expect(object!.contentType).toBe('image/png');
    expect(head).toEqual({ size: 10_000, contentType: 'image/png' });
  });

  it('streams a 12 MiB upload intact', async () => {
    const bytes = patternBytes(12 * 1024 * 1024, 42);
    const chunks = Readable.from(
      (function* () {
        for (let offset = 0; offset < bytes.length; offset += 256 * 1024) {
          yield bytes.subarray(offset, offset + 256 * 1024);
        }
      })(),
    );
    await subject.partCount?.();
    await subject.store.put('t1/2026/large.mp4', chunks, {
      contentType: 'video/mp4',
      size: bytes.length,
    });

    const object = await subject.store.get('t1/2026/large.mp4');
    const stored = await buffer(object!.body);

    expect(stored.length).toBe(bytes.length);
    expect(sha256(stored)).toBe(sha256(bytes));
    if (subject.partCount) {
      // 12 MiB in parts of 8 MiB.
      expect(await subject.partCount()).toBe(2);
    }
  });

  it('reads one byte range', async () => {
    const bytes = patternBytes(5_000, 9);
    await subject.store.put('t1/2026/range.pdf', Readable.from([bytes]), {
      contentType: 'application/pdf',
    });

    const object = await subject.store.get('t1/2026/range.pdf', {
      range: { start: 1_000, end: 1_999 },
    });

    expect(object!.size).toBe(5_000);
    expect(await buffer(object!.body)).toEqual(bytes.subarray(1_000, 2_000));
  });

  it('returns undefined for a missing key', async () => {
    expect(await subject.store.get('t1/2026/missing.jpg')).toBeUndefined();
    expect(await subject.store.head('t1/2026/missing.jpg')).toBeUndefined();
  });

  it('deletes an object, and deleting again succeeds', async () => {
    await subject.store.put('t1/2026/gone.jpg', Readable.from([patternBytes(100)]), {
      contentType: 'image/jpeg',
    });

    await subject.store.delete('t1/2026/gone.jpg');
    await subject.store.delete('t1/2026/gone.jpg');

    expect(await subject.store.head('t1/2026/gone.jpg')).toBeUndefined();
  });

  it('leaves nothing when the body fails midway', async () => {
    const before = await subject.listEverything();
    const body = failingStream(patternBytes(9 * 1024 * 1024));

    await expect(
      subject.store.put('t1/2026/broken.webm', body, { contentType: 'video/webm' }),
    ).rejects.toThrow();

    expect(await subject.store.head('t1/2026/broken.webm')).toBeUndefined();
    expect(await subject.listEverything()).toEqual(before);
  });

  it('rejects keys that could leave its root', async () => {
    for (const key of ['../escape.jpg', 't1/../../escape.jpg', '/etc/passwd', 't1//x.jpg', '']) {
      await expect(subject.store.get(key), key).rejects.toThrow(TypeError);
      await expect(
        subject.store.put(key, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' }),
        key,
      ).rejects.toThrow(TypeError);
      await expect(subject.store.delete(key), key).rejects.toThrow(TypeError);
    }
  });
});

describe('filesystem media store', () => {
  it('rejects a short body, keeping nothing', async () => {
    const root = await createTemporaryFolder('media-store');
    const store = createFilesystemStore(root.folder);

    await expect(
      store.put('t1/2026/short.pdf', Readable.from([Buffer.alloc(10)]), {
        contentType: 'application/pdf',
        size: 20,
      }),
    ).rejects.toThrow('media body has 10 bytes, expected 20');

    expect(await listFiles(root.folder)).toEqual([]);
    expect(path.isAbsolute(root.folder)).toBe(true);
    await root.remove();
  });
});
