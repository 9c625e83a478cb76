import { createSignal, createUniqueId, Show } from 'solid-js';

import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { useApp } from '../stores/app-context.tsx';
import type { BlockingUsage, MediaItem } from './media-types.ts';
import { UsageList } from './UsageList.tsx';

export type DeleteMediaSectionProps = {
  tenantId: string;
  item: MediaItem;
  onDeleted: () => void;
};

/**
 * Deletes a file after a confirmation in place. When published items still use the file the
 * server rejects it with 409 and names them, and they are listed here.
 */
export function DeleteMediaSection(props: DeleteMediaSectionProps) {
  const { api, i18n } = useApp();
  const [isConfirming, setConfirming] = createSignal(false);
  const [isDeleting, setDeleting] = createSignal(false);
  const [blockers, setBlockers] = createSignal<BlockingUsage[]>();
  const [error, setError] = createSignal<unknown>();
  const titleId = createUniqueId();
  let startButton: HTMLButtonElement | undefined;
  let keepButton: HTMLButtonElement | undefined;

  // The button that was pressed goes away, so focus moves to the harmless button of the new
  // state. In the confirmation that is "Không xoá", so a second Enter does not delete the file.
  const showConfirmation = (isShown: boolean) => {
    setConfirming(isShown);
    queueMicrotask(() => (isShown ? keepButton : startButton)?.focus());
  };

  const remove = async () => {
    setDeleting(true);
    setError(undefined);
    try {
      const request = api.client.DELETE('/media/{mediaId}', {
        params: { path: { mediaId: props.item.id }, query: { tenantId: props.tenantId } },
        // The server's CSRF check takes state-changing calls only as JSON.
        body: {},
      });
      const outcome = await request;
      if (outcome.response.status === 409 && outcome.error && 'details' in outcome.error.error) {
        setBlockers(outcome.error.error.details.usages);
        showConfirmation(false);
        return;
      }
      // Every other response takes the client's usual path: errors, ended sessions, the banner.
      await api.call(Promise.resolve(outcome));
      props.onDeleted();
    } catch (failure) {
      setError(failure);
    } finally {
      setDeleting(false);
    }
  };

  const startConfirming = () => {
    setBlockers(undefined);
    showConfirmation(true);
  };

  return (
    <section class="dialog__section dialog__section--danger" aria-labelledby={titleId}>
      <h3 id={titleId} class="dialog__section-title">
        {i18n.t('media.delete.title')}
      </h3>
      <Show
        when={isConfirming()}
        fallback={
          <div class="media-delete__actions">
            <button
              ref={startButton}
              type="button"
              class="button button--danger-outline"
              onClick={startConfirming}
            >
              {i18n.t('media.delete.start')}
            </button>
          </div>
        }
      >
        <p>{i18n.t('media.delete.confirm', { name: props.item.originalName })}</p>
        <div class="form__actions media-delete__actions">
          <SubmitButton
            type="button"
            variant="danger"
            isBusy={isDeleting()}
            busyLabel={i18n.t('media.delete.busy')}
            onClick={() => void remove()}
          >
            {i18n.t('media.delete.confirmButton')}
          </SubmitButton>
          <button
            ref={keepButton}
            type="button"
            class="button button--secondary"
            onClick={() => showConfirmation(false)}
          >
            {i18n.t('media.delete.keep')}
          </button>
        </div>
      </Show>
      <Show when={blockers()}>
        {(usages) => (
          <div class="notice notice--error" role="alert">
            <p class="notice__title">
              {i18n.t('media.delete.blocked', { count: usages().length })}
            </p>
            <UsageList usages={usages()} label={i18n.t('media.delete.blockedBy')} />
          </div>
        )}
      </Show>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
    </section>
  );
}
