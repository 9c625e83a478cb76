import { Show, type JSX } from 'solid-js';

import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useApp } from '../../stores/app-context.tsx';
import type { SaveState } from './create-item-editor.ts';

export type SaveBarProps = {
  state: SaveState;
  isDirty: boolean;
  isNew: boolean;
  onSave: () => void;
  /** More buttons after Save, such as the preview. */
  children?: JSX.Element;
};

/** Renders the Save button with the save state beside it, announced politely as it changes. */
export function SaveBar(props: SaveBarProps) {
  const { i18n } = useApp();
  const time = (at: Date) =>
    new Intl.DateTimeFormat(i18n.locale() === 'en' ? 'en-GB' : 'vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
    }).format(at);

  const status = () => {
    const state = props.state;
    switch (state.kind) {
      case 'saving':
        return i18n.t('common.saving');
      case 'failed':
      case 'invalid':
      case 'conflict':
        return i18n.t('editor.save.failed');
      case 'saved':
        return props.isDirty
          ? i18n.t('editor.save.savedThenChanged', { time: time(state.at) })
          : i18n.t('editor.save.savedAt', { time: time(state.at) });
      default:
        if (props.isNew) {
          return i18n.t('editor.save.notYet');
        }
        return props.isDirty ? i18n.t('editor.save.unsaved') : i18n.t('editor.save.clean');
    }
  };
  const tone = () => {
    const kind = props.state.kind;
    if (kind === 'failed' || kind === 'invalid' || kind === 'conflict') {
      return 'error';
    }
    return props.isDirty ? 'pending' : 'calm';
  };

  return (
    <div class="editor-save-bar">
      <SubmitButton
        type="button"
        isBusy={props.state.kind === 'saving'}
        onClick={() => props.onSave()}
      >
        {i18n.t('editor.save.button')}
      </SubmitButton>
      <p class="editor-save-bar__status" data-tone={tone()} role="status">
        {status()}
      </p>
      <Show when={props.children}>
        <div class="editor-save-bar__more">{props.children}</div>
      </Show>
    </div>
  );
}
