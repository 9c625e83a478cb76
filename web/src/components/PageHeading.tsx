import { onMount, Show, type JSX } from 'solid-js';

export type PageHeadingProps = {
  title: string;
  description?: string;
  /** Buttons shown beside the heading, e.g. "Add a person". */
  actions?: JSX.Element;
};

/**
 * The page's `<h1>`. It takes focus when the page opens, so keyboard and screen-reader users
 * start at the new page's title after every navigation.
 */
export function PageHeading(props: PageHeadingProps) {
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus({ preventScroll: false }));

  return (
    <div class="page-heading">
      <div class="page-heading__text">
        <h1 ref={heading} tabIndex={-1} class="page-heading__title">
          {props.title}
        </h1>
        <Show when={props.description}>
          <p class="page-heading__description">{props.description}</p>
        </Show>
      </div>
      <Show when={props.actions}>
        <div class="page-heading__actions">{props.actions}</div>
      </Show>
    </div>
  );
}
