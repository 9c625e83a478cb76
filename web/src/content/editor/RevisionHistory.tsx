import { createSignal, createUniqueId, For, Show } from 'solid-js';

import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useApp } from '../../stores/app-context.tsx';
import { fetchDiff } from './editor-api.ts';
import type { ItemDetail, RevisionDiff, RevisionSummary } from './item-types.ts';
import { personLabel } from './person-label.ts';
import { RestoreRevisionDialog } from './RestoreRevisionDialog.tsx';
import { RevisionDiffTable } from './RevisionDiffTable.tsx';

export type RevisionHistoryProps = {
  tenantId: string;
  detail: ItemDetail;
  canRestore: boolean;
  /** Whether the form has changes that a restore would replace. */
  isDirty: boolean;
  onRestored: () => void;
};

/** Lists an item's revisions, compares two of them side by side and restores an older one. */
export function RevisionHistory(props: RevisionHistoryProps) {
  const { api, session, i18n } = useApp();
  const headingId = createUniqueId();
  const newestFirst = () => [...props.detail.revisions].sort((a, b) => b.number - a.number);
  // Until the user picks, the two newest revisions are compared, also after each new save.
  const [chosenFrom, setFromId] = createSignal<string>();
  const [chosenTo, setToId] = createSignal<string>();
  const fromId = () => chosenFrom() ?? newestFirst()[1]?.id ?? '';
  const toId = () => chosenTo() ?? newestFirst()[0]?.id ?? '';
  const [diff, setDiff] = createSignal<RevisionDiff>();
  const [isComparing, setComparing] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [restoring, setRestoring] = createSignal<RevisionSummary>();
  let diffHeading: HTMLHeadingElement | undefined;

  const currentId = () => props.detail.currentRevision?.id;
  const options = () =>
    newestFirst().map((revision) => ({
      value: revision.id,
      label: i18n.t('editor.revisions.option', {
        number: revision.number,
        time: i18n.formatDateTime(revision.createdAt),
      }),
    }));

  const compare = async () => {
    if (isComparing() || !fromId() || !toId()) {
      return;
    }
    setComparing(true);
    setError(undefined);
    try {
      setDiff(await fetchDiff(api, props.tenantId, props.detail.item.id, fromId(), toId()));
      diffHeading?.focus();
    } catch (failure) {
      setError(failure);
    } finally {
      setComparing(false);
    }
  };

  return (
    <section class="panel editor-revisions" aria-labelledby={headingId}>
      <h2 id={headingId} class="panel__title">
        {i18n.t('editor.revisions.title')}
      </h2>
      <div class="table-wrap">
        <table class="table table--stack">
          <caption class="visually-hidden">{i18n.t('editor.revisions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('editor.revisions.number')}</th>
              <th scope="col">{i18n.t('editor.revisions.savedBy')}</th>
              <th scope="col">{i18n.t('editor.revisions.savedAt')}</th>
              <th scope="col">
                <span class="visually-hidden">{i18n.t('editor.revisions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={newestFirst()}>
              {(revision) => (
                <tr>
                  <th scope="row" data-label={i18n.t('editor.revisions.number')}>
                    {i18n.t('editor.revisions.numbered', { number: revision.number })}
                    <Show when={revision.id === currentId()}>
                      {' '}
                      <span class="badge badge--current">{i18n.t('editor.revisions.current')}</span>
                    </Show>
                    <Show when={revision.id === props.detail.publishedRevisionId}>
                      {' '}
                      <span class="badge">{i18n.t('editor.revisions.live')}</span>
                    </Show>
                  </th>
                  <td data-label={i18n.t('editor.revisions.savedBy')}>
                    {personLabel(
                      i18n.t,
                      session.me()?.user.id,
                      revision.createdBy,
                      revision.createdByName,
                    )}
                  </td>
                  <td data-label={i18n.t('editor.revisions.savedAt')}>
                    {i18n.formatDateTime(revision.createdAt)}
                  </td>
                  <td>
                    <Show when={props.canRestore && revision.id !== currentId()}>
                      <button
                        type="button"
                        class="button button--quiet"
                        aria-haspopup="dialog"
                        onClick={() => setRestoring(revision)}
                      >
                        {i18n.t('editor.revisions.restore', { number: revision.number })}
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show
        when={props.detail.revisions.length > 1}
        fallback={<p class="muted">{i18n.t('editor.revisions.onlyOne')}</p>}
      >
        <form
          class="editor-compare"
          onSubmit={(event) => {
            event.preventDefault();
            void compare();
          }}
        >
          <SelectField
            label={i18n.t('editor.revisions.from')}
            value={fromId()}
            options={options()}
            onChange={setFromId}
          />
          <SelectField
            label={i18n.t('editor.revisions.to')}
            value={toId()}
            options={options()}
            onChange={setToId}
          />
          <SubmitButton isBusy={isComparing()} busyLabel={i18n.t('common.loading')}>
            {i18n.t('editor.revisions.compare')}
          </SubmitButton>
        </form>
      </Show>
      <Show when={error()}>
        <ErrorNotice error={error()} onRetry={() => void compare()} />
      </Show>
      <Show when={diff()}>
        {(shown) => (
          <div class="editor-revisions__diff">
            <h3 ref={diffHeading} tabIndex={-1} class="editor-revisions__diff-title">
              {i18n.t('editor.diff.title', { from: shown().from.number, to: shown().to.number })}
            </h3>
            <RevisionDiffTable
              fields={shown().fields}
              caption={i18n.t('editor.diff.caption', {
                from: shown().from.number,
                to: shown().to.number,
              })}
              beforeHeading={i18n.t('editor.revisions.numbered', { number: shown().from.number })}
              afterHeading={i18n.t('editor.revisions.numbered', { number: shown().to.number })}
            />
          </div>
        )}
      </Show>
      <Show when={restoring()}>
        {(revision) => (
          <RestoreRevisionDialog
            tenantId={props.tenantId}
            itemId={props.detail.item.id}
            revision={revision()}
            baseRevisionId={currentId() ?? ''}
            isDirty={props.isDirty}
            onRestored={() => {
              setRestoring(undefined);
              props.onRestored();
            }}
            onClose={() => setRestoring(undefined)}
          />
        )}
      </Show>
    </section>
  );
}
