/** The handling class of a detected type: re-encoded, sanitised, stored as is, or rejected. */
export type MediaKind =
  | 'image'
  | 'svg'
  | 'video'
  | 'audio'
  | 'pdf'
  | 'document'
  | 'archive'
  | 'executable'
  | 'html'
  | 'other';

export type MediaType = { mime: string; extension: string; kind: MediaKind };

/**
 * Types the media library handles by name. Stored objects take their extension from this
 * table or from `file-type`, never from the uploaded file name.
 */
const knownTypes: MediaType[] = [
  { mime: 'image/jpeg', extension: 'jpg', kind: 'image' },
  { mime: 'image/png', extension: 'png', kind: 'image' },
  { mime: 'image/webp', extension: 'webp', kind: 'image' },
  { mime: 'image/gif', extension: 'gif', kind: 'image' },
  { mime: 'image/avif', extension: 'avif', kind: 'image' },
  { mime: 'image/svg+xml', extension: 'svg', kind: 'svg' },
  { mime: 'application/pdf', extension: 'pdf', kind: 'pdf' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    kind: 'document',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    kind: 'document',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
    kind: 'document',
  },
  { mime: 'application/msword', extension: 'doc', kind: 'document' },
  { mime: 'application/vnd.ms-excel', extension: 'xls', kind: 'document' },
  { mime: 'application/vnd.ms-powerpoint', extension: 'ppt', kind: 'document' },
  { mime: 'application/vnd.oasis.opendocument.text', extension: 'odt', kind: 'document' },
  { mime: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods', kind: 'document' },
  {
    mime: 'application/vnd.oasis.opendocument.presentation',
    extension: 'odp',
    kind: 'document',
  },
  { mime: 'video/mp4', extension: 'mp4', kind: 'video' },
  { mime: 'video/webm', extension: 'webm', kind: 'video' },
  { mime: 'audio/mpeg', extension: 'mp3', kind: 'audio' },
  { mime: 'audio/ogg', extension: 'ogg', kind: 'audio' },
  { mime: 'text/html', extension: 'html', kind: 'html' },
  { mime: 'application/xhtml+xml', extension: 'xhtml', kind: 'html' },
];

const typesByMime = new Map(knownTypes.map((type) => [type.mime, type]));
const typesByExtension = new Map(knownTypes.map((type) => [type.extension, type]));

/** MIME types (as `file-type` names them) of archives, refused unless a policy lists them. */
const archiveMimes = new Set([
  'application/zip',
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'application/vnd.rar',
  'application/gzip',
  'application/x-bzip2',
  'application/x-xz',
  'application/x-tar',
  'application/zstd',
  'application/x-lzip',
  'application/x-cpio',
  'application/x-iso9660-image',
  'application/x-apple-diskimage',
  'application/vnd.ms-cab-compressed',
  'application/java-archive',
]);

/** MIME types (as `file-type` names them) of programs, refused unless a policy lists them. */
const executableMimes = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-sharedlib',
  'application/x-executable',
  'application/x-msi',
  'application/vnd.android.package-archive',
  'application/x-sh',
  'application/x-shellscript',
  'application/wasm',
  'application/x-deb',
  'application/x-rpm',
  'application/x-shockwave-flash',
  'application/vnd.ms-htmlhelp',
  'application/java-vm',
]);

/** Lists the MIME types of the known table that are handled as `kind`. */
export function mimeTypesOfKind(kind: MediaKind): string[] {
  return knownTypes.filter((type) => type.kind === kind).map((type) => type.mime);
}

/** Returns how a detected type is handled, including types outside the known table. */
export function describeMime(mime: string, extension: string): MediaType {
  const known = typesByMime.get(mime);
  if (known) {
    return known;
  }
  if (archiveMimes.has(mime)) {
    return { mime, extension, kind: 'archive' };
  }
  if (executableMimes.has(mime)) {
    return { mime, extension, kind: 'executable' };
  }

  // Anything else, images outside the table (TIFF, BMP, ...) included, is stored as is, with
  // its metadata, when a policy lists it.
  return { mime, extension, kind: 'other' };
}

/** Returns the MIME type of an object key by its extension, for stores that keep no metadata. */
export function mimeOfExtension(extension: string): string {
  return typesByExtension.get(extension.toLowerCase())?.mime ?? 'application/octet-stream';
}
