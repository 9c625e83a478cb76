import { createSignal, createUniqueId, For, Show } from 'solid-js';

import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useApp } from '../../stores/app-context.tsx';
import { workflowStateLabel } from '../content-names.ts';
import type { TransitionInput } from './editor-api.ts';
import type { EditorCategory, ItemDetail, TransitionName } from './item-types.ts';
import { TransitionDialog } from './TransitionDialog.tsx';
import { actionLabel, needsDialog } from './workflow-labels.ts';

export type WorkflowPanelProps = {
  detail: ItemDetail;
  categories: readonly EditorCategory[];
  /**
   * Takes a step, saving unsaved text first. Resolves to false when that save failed and the
   * step was not taken; rejects with the step's own failure.
   */
  onStep: (input: TransitionInput) => Promise<boolean>;
};

/** Shows the item's state and the workflow steps this user may take from it. */
export function WorkflowPanel(props: WorkflowPanelProps) {
  const { i18n } = useApp();
  const headingId = createUniqueId();
  const [dialogAction, setDialogAction] = createSignal<TransitionName>();
  const [busyAction, setBusyAction] = createSignal<TransitionName>();
  const [error, setError] = createSignal<unknown>();
  const [announcement, setAnnouncement] = createSignal('');
  const [isBlocked, setBlocked] = createSignal(false);
  const item = () => props.detail.item;
  let heading: HTMLHeadingElement | undefined;

  const take = async (input: TransitionInput) => {
    if (busyAction()) {
      return;
    }
    setBusyAction(input.action);
    setError(undefined);
    setBlocked(false);
    setAnnouncement('');
    try {
      const isTaken = await props.onStep(input);
      setDialogAction(undefined);
      if (!isTaken) {
        setBlocked(true);
        return;
      }
      setAnnouncement(
        i18n.t('editor.workflow.done', { action: i18n.t(actionLabel(input.action)) }),
      );
      // The pressed button is gone with the old state, so focus goes to the panel's heading.
      heading?.focus();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusyAction(undefined);
    }
  };

  const press = (action: TransitionName) => {
    setError(undefined);
    if (needsDialog(action)) {
      setDialogAction(action);
      return;
    }
    void take({ action });
  };

  return (
    <section class="panel editor-workflow" aria-labelledby={headingId}>
      <h2 ref={heading} id={headingId} class="panel__title" tabIndex={-1}>
        {i18n.t('editor.workflow.title')}
      </h2>
      <dl class="editor-facts">
        <div>
          <dt>{i18n.t('content.status')}</dt>
          <dd>
            <span class="badge" data-state={item().status}>
              {i18n.t(workflowStateLabel(item().status))}
            </span>
            <Show when={item().isSensitive}>
              {' '}
              <span class="badge badge--warning">{i18n.t('editor.workflow.sensitive')}</span>
            </Show>
          </dd>
        </div>
        <Show when={item().dueAt}>
          <div>
            <dt>{i18n.t('queue.due')}</dt>
            <dd>{i18n.formatDateTime(item().dueAt)}</dd>
          </div>
        </Show>
        <Show when={item().publishAt}>
          <div>
            <dt>{i18n.t('editor.workflow.publishAt')}</dt>
            <dd>{i18n.formatDateTime(item().publishAt)}</dd>
          </div>
        </Show>
        <Show when={item().publishedAt}>
          <div>
            <dt>{i18n.t('editor.workflow.publishedAt')}</dt>
            <dd>{i18n.formatDateTime(item().publishedAt)}</dd>
          </div>
        </Show>
      </dl>
      <Show
        when={props.detail.allowedActions.length > 0}
        fallback={<p class="muted">{i18n.t('editor.workflow.noActions')}</p>}
      >
        <div class="editor-workflow__actions">
          <For each={props.detail.allowedActions}>
            {(action) => (
              <button
                type="button"
                class="button"
                classList={{
                  'button--primary': action === 'publish' || action === 'approve',
                  'button--secondary': action !== 'publish' && action !== 'approve',
                }}
                aria-haspopup={needsDialog(action) ? 'dialog' : undefined}
                aria-busy={busyAction() === action ? 'true' : undefined}
                aria-disabled={busyAction() ? 'true' : undefined}
                onClick={() => !busyAction() && press(action)}
              >
                {busyAction() === action && !dialogAction()
                  ? i18n.t('editor.transition.busy')
                  : i18n.t(actionLabel(action))}
              </button>
            )}
          </For>
        </div>
      </Show>
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
      <Show when={isBlocked()}>
        <div class="notice notice--error" role="alert">
          <p>{i18n.t('editor.workflow.blocked')}</p>
        </div>
      </Show>
      <Show when={error() && !dialogAction()}>
        <ErrorNotice error={error()} />
      </Show>
      <Show when={dialogAction()}>
        {(action) => (
          <TransitionDialog
            action={action()}
            categories={props.categories}
            categoryId={item().categoryId}
            isBusy={busyAction() === action()}
            error={error()}
            onConfirm={(input) => void take(input)}
            onClose={() => {
              setDialogAction(undefined);
              setError(undefined);
            }}
          />
        )}
      </Show>
    </section>
  );
}
