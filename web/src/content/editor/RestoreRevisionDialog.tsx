import { createSignal, Show } from 'solid-js';

import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useApp } from '../../stores/app-context.tsx';
import { isStaleRevision, restoreRevision } from './editor-api.ts';
import type { RevisionSummary } from './item-types.ts';

export type RestoreRevisionDialogProps = {
  tenantId: string;
  itemId: string;
  revision: RevisionSummary;
  baseRevisionId: string;
  isDirty: boolean;
  onRestored: () => void;
  onClose: () => void;
};

/** Confirms restoring an older revision, which the server saves as a new newest revision. */
export function RestoreRevisionDialog(props: RestoreRevisionDialogProps) {
  const { api, i18n } = useApp();
  const [isBusy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  const restore = async () => {
    if (isBusy()) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await restoreRevision(
        api,
        props.tenantId,
        props.itemId,
        props.revision.id,
        props.baseRevisionId,
      );
      props.onRestored();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={i18n.t('editor.restore.title', { number: props.revision.number })}
      onClose={props.onClose}
    >
      <p>{i18n.t('editor.restore.explanation', { number: props.revision.number })}</p>
      <Show when={props.isDirty}>
        <div class="notice notice--info">
          <p>{i18n.t('editor.restore.unsaved', { number: props.revision.number })}</p>
        </div>
      </Show>
      <Show when={error()}>
        <Show
          when={isStaleRevision(error())}
          fallback={<ErrorNotice error={error()} onRetry={() => void restore()} />}
        >
          <div class="notice notice--error" role="alert">
            <p>{i18n.t('editor.restore.stale')}</p>
          </div>
        </Show>
      </Show>
      <div class="form__actions">
        <SubmitButton type="button" isBusy={isBusy()} onClick={() => void restore()}>
          {i18n.t('editor.restore.confirm', { number: props.revision.number })}
        </SubmitButton>
        <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
          {i18n.t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
