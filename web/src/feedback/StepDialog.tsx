import { Show, type ParentProps } from 'solid-js';

import { Dialog } from '../components/Dialog.tsx';
import { DraftNotice } from '../components/DraftNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { useApp } from '../stores/app-context.tsx';
import type { StepState } from './step-form.ts';

export type StepDialogProps = ParentProps<{
  title: string;
  description?: string;
  submitLabel: string;
  variant?: 'primary' | 'danger';
  state: StepState;
  /** Whether the fields were filled from a draft typed earlier. */
  wasRestored?: boolean;
  onDiscardDraft?: () => void;
  onSubmit: () => void;
  onClose: () => void;
}>;

/** The dialog of one handling step: its fields, the server's error, send and cancel. */
export function StepDialog(props: StepDialogProps) {
  const { i18n } = useApp();

  return (
    <Dialog title={props.title} description={props.description} onClose={props.onClose} isWide>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        <Show when={props.wasRestored}>
          <DraftNotice onDiscard={() => props.onDiscardDraft?.()} />
        </Show>
        <Show when={props.state.error()}>
          <ErrorNotice error={props.state.error()} isDraftKept={props.wasRestored !== undefined} />
        </Show>
        {props.children}
        <div class="form__actions">
          <SubmitButton isBusy={props.state.isBusy()} variant={props.variant ?? 'primary'}>
            {props.submitLabel}
          </SubmitButton>
          <button type="button" class="button button--secondary" onClick={() => props.onClose()}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
