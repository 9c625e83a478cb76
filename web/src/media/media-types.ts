import type { components, paths } from '../api/schema';

/** One file of the library, as the admin API presents it. */
export type MediaItem = components['schemas']['MediaItem'];
/** The portal's storage use and upload limits, sent with every page of the list. */
export type MediaStorage = components['schemas']['MediaStorage'];
export type MediaList = components['schemas']['MediaList'];
export type MediaDetail = components['schemas']['MediaDetail'];
export type MediaUsage = MediaDetail['usages'][number];
export type StoredMedia = components['schemas']['StoredMedia'];
/** A published item that blocks a deletion, from the 409's `details.usages`. */
export type BlockingUsage =
  components['schemas']['MediaInUse']['error']['details']['usages'][number];

type ListQuery = NonNullable<paths['/media']['get']['parameters']['query']>;
export type MediaKind = NonNullable<ListQuery['kind']>;

/** The kinds offered in the filter, in its order. `document` (every application type) is not. */
export const mediaKindNames = [
  'image',
  'pdf',
  'office',
  'video',
  'audio',
] as const satisfies readonly MediaKind[];

export type MediaKindName = (typeof mediaKindNames)[number];

export function isMediaKindName(value: string | undefined): value is MediaKindName {
  return (mediaKindNames as readonly string[]).includes(value ?? '');
}

/** The office formats the server files under `office`, with their usual extensions. */
const officeExtensions: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

const otherExtensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
};

/** Returns the usual extension of a MIME type, or the type itself when it is not a known one. */
export function extensionOfMime(mime: string): string {
  return officeExtensions[mime] ?? otherExtensions[mime] ?? mime;
}

/** Returns the filter kind of a MIME type, or `other` for a type no filter names. */
export function kindOfContentType(contentType: string): MediaKindName | 'other' {
  if (contentType === 'application/pdf') {
    return 'pdf';
  }
  if (contentType in officeExtensions) {
    return 'office';
  }
  const [group] = contentType.split('/');
  if (group === 'image' || group === 'video' || group === 'audio') {
    return group;
  }

  return 'other';
}

/** Returns the upper-case extension of a file name, e.g. `PDF`, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');

  return dot > 0 ? fileName.slice(dot + 1).toUpperCase() : '';
}
