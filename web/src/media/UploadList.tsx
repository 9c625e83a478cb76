import { createUniqueId, For, Match, Show, Switch } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import type { UploadEntry, UploadQueue } from './create-upload-queue.ts';
import { describeUploadError } from './describe-upload-error.ts';
import { formatFileSize } from './format-size.ts';

export type UploadListProps = {
  queue: UploadQueue;
  maxFileBytes: number | undefined;
};

function percentOf(entry: UploadEntry): number {
  return entry.sizeBytes > 0 ? Math.round((entry.loadedBytes / entry.sizeBytes) * 100) : 100;
}

function UploadLine(props: { entry: UploadEntry } & UploadListProps) {
  const { i18n } = useApp();
  const progressId = createUniqueId();
  const entry = () => props.entry;
  const failure = () => {
    const error = entry().error;
    return error
      ? describeUploadError(error, i18n, { maxFileBytes: props.maxFileBytes })
      : undefined;
  };
  const isActive = () => entry().state === 'waiting' || entry().state === 'uploading';

  return (
    <li class={`upload-item upload-item--${entry().state}`}>
      <div class="upload-item__head">
        <span class="upload-item__name">{entry().fileName}</span>
        <span class="upload-item__size">{formatFileSize(entry().sizeBytes, i18n.locale())}</span>
      </div>
      <Show when={entry().state !== 'failed' && entry().state !== 'cancelled'}>
        <label class="visually-hidden" for={progressId}>
          {i18n.t('media.upload.progressOf', { name: entry().fileName })}
        </label>
        <progress
          id={progressId}
          class="upload-item__progress"
          max={100}
          value={entry().state === 'done' ? 100 : percentOf(entry())}
        >
          {percentOf(entry())}%
        </progress>
      </Show>
      <Switch>
        <Match when={entry().state === 'waiting'}>
          <p class="upload-item__status">{i18n.t('media.upload.waiting')}</p>
        </Match>
        <Match when={entry().state === 'uploading'}>
          <p class="upload-item__status">
            {i18n.t('media.upload.sending', { percent: percentOf(entry()) })}
          </p>
        </Match>
        <Match when={entry().state === 'done'}>
          <p class="upload-item__status upload-item__status--done">
            {entry().stored?.isDuplicate
              ? i18n.t('media.upload.duplicate')
              : i18n.t('media.upload.done')}
          </p>
        </Match>
        <Match when={entry().state === 'cancelled'}>
          <p class="upload-item__status">{i18n.t('media.upload.cancelled')}</p>
        </Match>
        <Match when={failure()}>
          {(described) => (
            <div class="upload-item__error" role="alert">
              <p>
                <span class="visually-hidden">{entry().fileName}: </span>
                {described().summary}
              </p>
              <Show when={described().detail}>
                <p class="upload-item__detail">
                  {i18n.t('error.serverSaid')} <span lang="en">{described().detail}</span>
                </p>
              </Show>
            </div>
          )}
        </Match>
      </Switch>
      <div class="upload-item__actions">
        <Show when={isActive()}>
          <button
            type="button"
            class="button button--quiet"
            aria-label={i18n.t('media.upload.cancelOf', { name: entry().fileName })}
            onClick={() => props.queue.cancel(entry().id)}
          >
            {i18n.t('media.upload.cancel')}
          </button>
        </Show>
        <Show when={failure()?.isRetryable || entry().state === 'cancelled'}>
          <button
            type="button"
            class="button button--secondary"
            aria-label={i18n.t('media.upload.retryOf', { name: entry().fileName })}
            onClick={() => props.queue.retry(entry().id)}
          >
            {i18n.t('media.upload.retry')}
          </button>
        </Show>
        <Show when={!isActive()}>
          <button
            type="button"
            class="button button--quiet"
            aria-label={i18n.t('media.upload.dismissOf', { name: entry().fileName })}
            onClick={() => props.queue.dismiss(entry().id)}
          >
            {i18n.t('media.upload.dismiss')}
          </button>
        </Show>
      </div>
    </li>
  );
}

/** The files of an upload queue, each with its progress bar, state, error and buttons. */
export function UploadList(props: UploadListProps) {
  const { i18n } = useApp();

  return (
    <Show when={props.queue.entries.length > 0}>
      <ul class="upload-list" aria-label={i18n.t('media.upload.listLabel')}>
        <For each={props.queue.entries}>
          {(entry) => (
            <UploadLine entry={entry} queue={props.queue} maxFileBytes={props.maxFileBytes} />
          )}
        </For>
      </ul>
    </Show>
  );
}
