import type { MessageKey } from '../i18n/create-i18n.ts';
import type { MediaKindName } from './media-types.ts';

const kindLabels: Record<MediaKindName | 'other', MessageKey> = {
  image: 'media.kind.image',
  pdf: 'media.kind.pdf',
  office: 'media.kind.office',
  video: 'media.kind.video',
  audio: 'media.kind.audio',
  other: 'media.kind.other',
};

/** Returns the message key of a kind's name, for filters and file details. */
export function mediaKindLabel(kind: MediaKindName | 'other'): MessageKey {
  return kindLabels[kind];
}
