import { Show } from 'solid-js';

import { extensionOf, kindOfContentType, type MediaItem } from './media-types.ts';

export type MediaThumbnailProps = {
  item: MediaItem;
  /** The narrowest copy wanted, in pixels; the smallest variant when not given. */
  minWidth?: number;
  /** The image's text alternative; empty where the file name is shown beside it. */
  alt?: string;
};

/**
 * Shows a small copy of an image, loaded only when scrolled near, or a tile with the file's
 * extension for any other type. The tile is hidden from screen readers, which read the type
 * from the file's details instead.
 */
export function MediaThumbnail(props: MediaThumbnailProps) {
  const source = () => {
    const url = props.item.thumbnailUrl;
    return url && props.minWidth ? `${url}&minWidth=${props.minWidth}` : url;
  };

  return (
    <Show
      when={source()}
      fallback={
        <span
          class={`media-thumb media-thumb--tile media-thumb--${kindOfContentType(props.item.contentType)}`}
          aria-hidden="true"
        >
          {extensionOf(props.item.originalName) || '?'}
        </span>
      }
    >
      {(url) => (
        <img
          class="media-thumb"
          src={url()}
          alt={props.alt ?? ''}
          loading="lazy"
          decoding="async"
          width={props.item.width ?? undefined}
          height={props.item.height ?? undefined}
        />
      )}
    </Show>
  );
}
