import { createUniqueId, For, Show } from 'solid-js';

import { MediaFacts } from './MediaFacts.tsx';
import type { MediaItem } from './media-types.ts';
import { MediaThumbnail } from './MediaThumbnail.tsx';

/** The selection of the picker's grid: several files (check boxes) or one (radios). */
export type GridSelection = {
  selectedIds: ReadonlySet<string>;
  isMultiple: boolean;
  onToggle: (item: MediaItem) => void;
};

export type MediaGridProps = {
  items: readonly MediaItem[];
  /** The list's accessible name. */
  label: string;
  /** Opens a file's details; used when there is no selection. */
  onOpen?: (item: MediaItem) => void;
  /** Turns the cards into choices, for the picker. */
  selection?: GridSelection;
};

/**
 * The files as cards: a thumbnail or type tile, the name, and the facts. The name is a button
 * (or, in the picker, the label of the card's check box or radio), and the whole card responds
 * to a click on it.
 */
export function MediaGrid(props: MediaGridProps) {
  const groupName = createUniqueId();

  return (
    <ul class="media-grid" aria-label={props.label}>
      <For each={props.items}>
        {(item) => {
          const inputId = createUniqueId();
          const isSelected = () => props.selection?.selectedIds.has(item.id) === true;
          return (
            <li class="media-card" classList={{ 'media-card--selected': isSelected() }}>
              <div class="media-card__preview">
                <MediaThumbnail item={item} />
              </div>
              <Show
                when={props.selection}
                fallback={
                  <button
                    type="button"
                    class="media-card__name media-card__target"
                    aria-haspopup="dialog"
                    onClick={() => props.onOpen?.(item)}
                  >
                    {item.originalName}
                  </button>
                }
              >
                {(selection) => (
                  <div class="media-card__choice">
                    <input
                      id={inputId}
                      class="media-card__input"
                      type={selection().isMultiple ? 'checkbox' : 'radio'}
                      name={selection().isMultiple ? undefined : groupName}
                      checked={isSelected()}
                      onChange={() => selection().onToggle(item)}
                    />
                    <label for={inputId} class="media-card__name media-card__target">
                      {item.originalName}
                    </label>
                  </div>
                )}
              </Show>
              <MediaFacts item={item} />
            </li>
          );
        }}
      </For>
    </ul>
  );
}
