import type { ParentProps } from 'solid-js';

/** A dashboard panel for work that a later module fills in; it says so instead of showing numbers. */
export function PlaceholderPanel(props: ParentProps<{ title: string }>) {
  return (
    <section class="panel panel--placeholder">
      <h2 class="panel__title">{props.title}</h2>
      <div class="panel__body">{props.children}</div>
    </section>
  );
}
