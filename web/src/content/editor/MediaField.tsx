import { createSignal, For, Show } from 'solid-js';

import { MediaPicker, type PickedMedia } from '../../media/MediaPicker.tsx';
import { useApp } from '../../stores/app-context.tsx';

export type MediaFieldProps = {
  label: string;
  hint?: string;
  /** A single media id, or a list of them for galleries and attachments. */
  value: string | string[];
  isMultiple: boolean;
  accept: 'image' | 'any';
  tenantId: string;
  /** File names by media id, for the files chosen in this browser or looked up. */
  names: Record<string, string>;
  onChange: (value: string | string[], picked: PickedMedia[]) => void;
  isReadOnly?: boolean;
  error?: string | undefined;
};

/** Attaches files or pictures from the portal's media library to a type-specific field. */
export function MediaField(props: MediaFieldProps) {
  const { i18n } = useApp();
  const [isPickerOpen, setPickerOpen] = createSignal(false);
  const ids = () => {
    if (Array.isArray(props.value)) {
      return props.value;
    }
    return props.value ? [props.value] : [];
  };
  const nameOf = (id: string) =>
    props.names[id] ?? i18n.t('editor.media.unnamed', { id: id.slice(0, 8) });

  const pick = (picked: PickedMedia[]) => {
    setPickerOpen(false);
    if (picked.length === 0) {
      return;
    }
    if (!props.isMultiple) {
      props.onChange(picked[0]!.id, picked);
      return;
    }
    const added = picked.map((media) => media.id).filter((id) => !ids().includes(id));
    props.onChange([...ids(), ...added], picked);
  };

  const remove = (id: string) =>
    props.onChange(props.isMultiple ? ids().filter((candidate) => candidate !== id) : '', []);

  return (
    <fieldset class="editor-media" classList={{ 'field--invalid': Boolean(props.error) }}>
      <legend class="field__label">
        {props.label} <span class="field__optional">{i18n.t('common.optional')}</span>
      </legend>
      <Show when={props.hint}>
        <p class="field__hint">{props.hint}</p>
      </Show>
      <Show
        when={ids().length > 0}
        fallback={<p class="muted editor-media__empty">{i18n.t('editor.media.none')}</p>}
      >
        <ul class="editor-media__list">
          <For each={ids()}>
            {(id) => (
              <li class="editor-media__item">
                <span class="editor-media__name">{nameOf(id)}</span>
                <Show when={!props.isReadOnly}>
                  <button
                    type="button"
                    class="button button--quiet"
                    aria-label={i18n.t('editor.media.removeNamed', { name: nameOf(id) })}
                    onClick={() => remove(id)}
                  >
                    {i18n.t('editor.media.remove')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!props.isReadOnly}>
        <div>
          <button
            type="button"
            class="button button--secondary"
            aria-haspopup="dialog"
            onClick={() => setPickerOpen(true)}
          >
            {props.isMultiple || ids().length === 0
              ? i18n.t(
                  props.accept === 'image' ? 'editor.media.pickImage' : 'editor.media.pickFile',
                )
              : i18n.t('editor.media.replace')}
          </button>
        </div>
      </Show>
      <Show when={props.error}>
        <p class="field__error">{props.error}</p>
      </Show>
      <Show when={isPickerOpen()}>
        <MediaPicker
          tenantId={props.tenantId}
          accept={props.accept}
          multiple={props.isMultiple}
          onPick={pick}
          onClose={() => setPickerOpen(false)}
        />
      </Show>
    </fieldset>
  );
}
