import { describe, expect, it } from 'vitest';

import { buildImageSources, defaultImageSizes } from '../../../server/media/image-sources.ts';

const id = '0b8e2f4a-6c1d-4e3f-9a5b-7d2c8e1f0a6b';

describe('buildImageSources', () => {
  it('lists variants and the original by width', () => {
    const sources = buildImageSources({
      id,
      originalName: 'Hội nghị.jpg',
      contentType: 'image/jpeg',
      width: 2000,
      height: 1000,
      variants: [
        { width: 960, height: 480, format: 'jpeg', objectKey: 'k2', sizeBytes: 2 },
        { width: 480, height: 240, format: 'jpeg', objectKey: 'k1', sizeBytes: 1 },
        { width: 480, height: 240, format: 'webp', objectKey: 'k3', sizeBytes: 1 },
        { width: 960, height: 480, format: 'webp', objectKey: 'k4', sizeBytes: 2 },
      ],
    });
    const name = encodeURIComponent('Hội nghị');

    expect(sources.src).toBe(`/media/${id}/${name}.jpg`);
    expect(sources.srcset).toBe(
      `/media/${id}/w/480/${name}.jpg 480w, /media/${id}/w/960/${name}.jpg 960w, ` +
        `/media/${id}/${name}.jpg 2000w`,
    );
    expect(sources.webpSrcset).toBe(
      `/media/${id}/w/480/${name}.webp 480w, /media/${id}/w/960/${name}.webp 960w`,
    );
    expect(sources.sizes).toBe(defaultImageSizes);
    expect([sources.width, sources.height]).toEqual([2000, 1000]);
  });

  it('gives a small image only its src', () => {
    const sources = buildImageSources(
      {
        id,
        originalName: 'logo.png',
        contentType: 'image/png',
        width: 300,
        height: 100,
        variants: [],
      },
      '300px',
    );

    expect(sources.srcset).toBe('');
    expect(sources.webpSrcset).toBeUndefined();
    expect(sources.sizes).toBe('300px');
  });
});
