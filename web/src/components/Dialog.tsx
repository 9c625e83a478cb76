import { createUniqueId, onCleanup, onMount, Show, type JSX, type ParentProps } from 'solid-js';
import { Portal } from 'solid-js/web';

import { useApp } from '../stores/app-context.tsx';

const focusableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export type DialogProps = ParentProps<{
  title: string;
  /** Called on Escape, the close button and a click on the backdrop. */
  onClose: () => void;
  description?: string;
  /** Wider dialogs for tables and lists. */
  isWide?: boolean;
  footer?: JSX.Element;
}>;

/**
 * A modal dialog: the page behind it is inert, Tab and Shift+Tab stay inside, Escape closes
 * it, and focus goes back to where it was when it closes. Render it inside `<Show>`.
 */
export function Dialog(props: DialogProps) {
  const { i18n } = useApp();
  const titleId = createUniqueId();
  const descriptionId = createUniqueId();
  let panel: HTMLDivElement | undefined;
  let body: HTMLDivElement | undefined;
  const opener = document.activeElement as HTMLElement | null;
  const appRoot = document.getElementById('app');

  const focusable = () =>
    Array.from(panel?.querySelectorAll<HTMLElement>(focusableSelector) ?? []).filter(
      (element) => !element.closest('[hidden]'),
    );

  onMount(() => {
    appRoot?.setAttribute('inert', '');
    // The marked field first, then the first control of the body, the close button last.
    const autofocus =
      panel?.querySelector<HTMLElement>('[data-autofocus]') ??
      body?.querySelector<HTMLElement>(focusableSelector);
    (autofocus ?? focusable()[0] ?? panel)?.focus();
  });

  onCleanup(() => {
    appRoot?.removeAttribute('inert');
    opener?.focus();
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
      return;
    }
    if (event.key !== 'Tab') {
      return;
    }
    const elements = focusable();
    const first = elements[0];
    const last = elements[elements.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <Portal>
      <div
        class="dialog-backdrop"
        onClick={(event) => event.target === event.currentTarget && props.onClose()}
      >
        <div
          ref={panel}
          class="dialog"
          classList={{ 'dialog--wide': props.isWide === true }}
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          aria-describedby={props.description ? descriptionId : undefined}
          tabIndex={-1}
          onKeyDown={onKeyDown}
        >
          <header class="dialog__header">
            <h2 id={titleId} class="dialog__title">
              {props.title}
            </h2>
            <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
              {i18n.t('common.close')}
            </button>
          </header>
          <Show when={props.description}>
            <p id={descriptionId} class="dialog__description">
              {props.description}
            </p>
          </Show>
          <div ref={body} class="dialog__body">
            {props.children}
          </div>
          <Show when={props.footer}>
            <footer class="dialog__footer">{props.footer}</footer>
          </Show>
        </div>
      </div>
    </Portal>
  );
}
