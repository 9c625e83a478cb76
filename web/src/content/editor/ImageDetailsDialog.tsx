import { createSignal } from 'solid-js';

import { Dialog } from '../../components/Dialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { PickedMedia } from '../../media/MediaPicker.tsx';
import { useApp } from '../../stores/app-context.tsx';

export type ImageDetailsDialogProps = {
  media: PickedMedia;
  onInsert: (alt: string) => void;
  onClose: () => void;
};

/** Asks for the text that describes a picture to people who cannot see it, before inserting it. */
export function ImageDetailsDialog(props: ImageDetailsDialogProps) {
  const { i18n } = useApp();
  const [alt, setAlt] = createSignal(props.media.altVi ?? '');

  return (
    <Dialog
      title={i18n.t('editor.image.title')}
      description={props.media.fileName}
      onClose={props.onClose}
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onInsert(alt().trim());
        }}
      >
        <img class="editor-image-preview" src={props.media.url} alt="" />
        <TextField
          label={i18n.t('editor.image.alt')}
          hint={i18n.t('editor.image.altHint')}
          value={alt()}
          onInput={setAlt}
          maxLength={300}
          isAutofocus
        />
        <div class="form__actions">
          <button type="submit" class="button button--primary">
            {i18n.t('editor.image.insert')}
          </button>
          <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
