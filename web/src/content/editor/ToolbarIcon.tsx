import type { JSX } from 'solid-js';

export type ToolbarIconName =
  'bulletList' | 'orderedList' | 'blockquote' | 'link' | 'image' | 'undo' | 'redo';

const shapes: Record<ToolbarIconName, () => JSX.Element> = {
  bulletList: () => (
    <>
      <circle cx="4.5" cy="6" r="1.5" fill="currentColor" stroke="none" />
      <circle cx="4.5" cy="12" r="1.5" fill="currentColor" stroke="none" />
      <circle cx="4.5" cy="18" r="1.5" fill="currentColor" stroke="none" />
      <path d="M9 6h11M9 12h11M9 18h11" />
    </>
  ),
  orderedList: () => (
    <>
      <path d="M4 4.5l1.5-1v5M3.5 8.5h3.5" stroke-width="1.4" />
      <path d="M3.5 14.5c.4-1 2.8-1.2 3 .2.2 1.2-3 2.6-3 3.8h3.2" stroke-width="1.4" />
      <path d="M10 6h10M10 12h10M10 18h10" />
    </>
  ),
  blockquote: () => (
    <>
      <path d="M5 7h5v5c0 3-1.5 4.5-4 5" />
      <path d="M14 7h5v5c0 3-1.5 4.5-4 5" />
    </>
  ),
  link: () => (
    <>
      <rect x="2.5" y="8.5" width="10" height="7" rx="3.5" transform="rotate(-30 7.5 12)" />
      <rect x="11.5" y="8.5" width="10" height="7" rx="3.5" transform="rotate(-30 16.5 12)" />
    </>
  ),
  image: () => (
    <>
      <rect x="3" y="4.5" width="18" height="15" rx="2" />
      <circle cx="9" cy="9.5" r="1.8" />
      <path d="M3.5 17.5l5.5-5 4 3.5 3-2.5 4.5 4" />
    </>
  ),
  undo: () => (
    <>
      <path d="M8 5L4 9l4 4" />
      <path d="M4.5 9H14a5.5 5.5 0 0 1 0 11h-3" />
    </>
  ),
  redo: () => (
    <>
      <path d="M16 5l4 4-4 4" />
      <path d="M19.5 9H10a5.5 5.5 0 0 0 0 11h3" />
    </>
  ),
};

/** Draws a toolbar button's icon, hidden from screen readers, which read the button's label. */
export function ToolbarIcon(props: { name: ToolbarIconName }) {
  return (
    <svg
      class="rich-text__icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      {shapes[props.name]()}
    </svg>
  );
}
