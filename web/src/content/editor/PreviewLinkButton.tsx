import { createSignal, Show } from 'solid-js';

import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useApp } from '../../stores/app-context.tsx';
import { createPreviewLink } from './editor-api.ts';
import type { PreviewLink } from './item-types.ts';

export type PreviewLinkButtonProps = {
  tenantId: string;
  itemId: string;
  /** Saves unsaved text first, so the preview shows what is on screen; false stops. */
  beforeOpen: () => Promise<boolean>;
};

/**
 * Creates a signed, expiring link that shows the item's current revision on the portal's own
 * host, opens it in a new tab and shows it, so it can be sent to a reviewer.
 */
export function PreviewLinkButton(props: PreviewLinkButtonProps) {
  const { api, i18n } = useApp();
  const [isBusy, setBusy] = createSignal(false);
  const [link, setLink] = createSignal<PreviewLink>();
  const [error, setError] = createSignal<unknown>();

  const open = async () => {
    if (isBusy()) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      if (!(await props.beforeOpen())) {
        return;
      }
      const created = await createPreviewLink(api, props.tenantId, props.itemId);
      setLink(created);
      window.open(created.url, '_blank', 'noopener');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="editor-preview">
      <SubmitButton
        type="button"
        variant="secondary"
        isBusy={isBusy()}
        busyLabel={i18n.t('editor.preview.busy')}
        onClick={() => void open()}
      >
        {i18n.t('editor.preview.button')}
      </SubmitButton>
      <Show when={link()}>
        {(shown) => (
          <p class="editor-preview__link">
            <a href={shown().url} target="_blank" rel="noopener">
              {shown().url}
              <span class="visually-hidden"> {i18n.t('editor.preview.newTab')}</span>
            </a>
            <span class="table__sub">
              {i18n.t('editor.preview.expires', { time: i18n.formatDateTime(shown().expiresAt) })}
            </span>
          </p>
        )}
      </Show>
      <Show when={error()}>
        <ErrorNotice error={error()} onRetry={() => void open()} />
      </Show>
    </div>
  );
}
