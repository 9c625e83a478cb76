import { describe, expect, it } from 'vitest';

import {
  EmptySlugError,
  maxSlugLength,
  slugify,
  SlugTakenError,
  uniqueSlug,
} from '../../../server/content/slug.ts';
import { AppError } from '../../../server/errors.ts';

describe('slugify', () => {
  it.each([
    ['Đường Nguyễn Huệ', 'duong-nguyen-hue'],
    ['Hội nghị    trực tuyến!!!', 'hoi-nghi-truc-tuyen'],
    ['Quyết định 146/QĐ-BTTTT', 'quyet-dinh-146-qd-btttt'],
    ['ĐẠI HỘI ĐẢNG BỘ', 'dai-hoi-dang-bo'],
    ['Ưu tiên ứng dụng ở cơ sở', 'uu-tien-ung-dung-o-co-so'],
    ['Năm 2025: “Chuyển đổi số” — bước tiếp theo?', 'nam-2025-chuyen-doi-so-buoc-tiep-theo'],
    ['Bưu chính & Viễn thông', 'buu-chinh-va-vien-thong'],
    ['Báo VnExpress đưa tin', 'bao-vnexpress-dua-tin'],
    ['  -- Thông báo --  ', 'thong-bao'],
  ])('turns %j into %j', (title, expected) => {
    expect(slugify(title)).toBe(expected);
  });

  it('gives the same slug for NFC and NFD input', () => {
    const nfc = 'Tiếng Việt'.normalize('NFC');
    const nfd = 'Tiếng Việt'.normalize('NFD');

    expect(nfd).not.toBe(nfc);
    expect(slugify(nfd)).toBe('tieng-viet');
    expect(slugify(nfc)).toBe('tieng-viet');
  });

  it('maps đ in decomposed input', () => {
    expect(slugify('Quyết định đổi mới'.normalize('NFD'))).toBe('quyet-dinh-doi-moi');
  });

  it('returns only ASCII letters, digits and single hyphens', () => {
    const slug = slugify('Ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ');

    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug).toBe('a-a-a-a-a-a-a-a-a-e-e-e-e-e-o-o-o-o-o-o-o-o-o-o-u-u-u-u-u-y-y-y-y-y');
  });

  it('cuts a long title at a word boundary', () => {
    const title = 'Thông báo kết quả lựa chọn nhà thầu gói thầu '.repeat(5);

    const slug = slugify(title);

    expect(slug.length).toBeLessThanOrEqual(maxSlugLength);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugify(title, { maxLength: 1000 }).startsWith(`${slug}-`)).toBe(true);
  });

  it('keeps a slug that fits exactly', () => {
    expect(slugify('Tin tức sự kiện', { maxLength: 15 })).toBe('tin-tuc-su-kien');
    expect(slugify('Tin tức sự kiện', { maxLength: 14 })).toBe('tin-tuc-su');
  });

  it('cuts a first word longer than the limit', () => {
    expect(slugify('Siêuđạiđặcbiệtdài tin', { maxLength: 8 })).toBe('sieudaid');
  });

  it.each([[''], ['   '], ['!!!'], ['— … ?']])('throws EmptySlugError for %j', (title) => {
    expect(() => slugify(title)).toThrow(EmptySlugError);
  });

  it('reports an empty slug as invalid input', () => {
    try {
      slugify('???');
      expect.unreachable('slugify should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_input');
    }
  });

  it('rejects a maximum length below one', () => {
    expect(() => slugify('Tin tức', { maxLength: 0 })).toThrow(RangeError);
  });
});

function takenAmong(...slugs: string[]) {
  const taken = new Set(slugs);
  const checked: string[] = [];
  const isTaken = async (slug: string) => {
    checked.push(slug);
    return taken.has(slug);
  };

  return { isTaken, checked };
}

describe('uniqueSlug', () => {
  it('returns the base when it is free', async () => {
    const { isTaken, checked } = takenAmong('tin-khac');

    expect(await uniqueSlug('tin-tuc', isTaken)).toBe('tin-tuc');
    expect(checked).toEqual(['tin-tuc']);
  });

  it('appends -2 on the first collision', async () => {
    const { isTaken } = takenAmong('tin-tuc');

    expect(await uniqueSlug('tin-tuc', isTaken)).toBe('tin-tuc-2');
  });

  it('counts up past several collisions', async () => {
    const { isTaken, checked } = takenAmong('tin-tuc', 'tin-tuc-2', 'tin-tuc-3');

    expect(await uniqueSlug('tin-tuc', isTaken)).toBe('tin-tuc-4');
    expect(checked).toEqual(['tin-tuc', 'tin-tuc-2', 'tin-tuc-3', 'tin-tuc-4']);
  });

  it('keeps numbered slugs within the maximum length', async () => {
    const base = slugify('Thông báo kết quả lựa chọn nhà thầu', { maxLength: 20 });
    const { isTaken } = takenAmong(base);

    const slug = await uniqueSlug(base, isTaken, { maxLength: 20 });

    expect(base).toBe('thong-bao-ket-qua');
    expect(slug).toBe('thong-bao-ket-qua-2');
    expect(slug.length).toBeLessThanOrEqual(20);
  });

  it('cuts the base at a word boundary to fit the suffix', async () => {
    const { isTaken } = takenAmong('thong-bao-ket-qua-lua');

    const slug = await uniqueSlug('thong-bao-ket-qua-lua', isTaken, { maxLength: 21 });

    expect(slug).toBe('thong-bao-ket-qua-2');
  });

  it('throws SlugTakenError when every attempt is taken', async () => {
    const { isTaken, checked } = takenAmong('tin', 'tin-2', 'tin-3');

    await expect(uniqueSlug('tin', isTaken, { maxAttempts: 3 })).rejects.toThrow(SlugTakenError);
    expect(checked).toEqual(['tin', 'tin-2', 'tin-3']);
  });
});
