import { createSignal, Show } from 'solid-js';

import { DraftNotice } from '../components/DraftNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApp } from '../stores/app-context.tsx';
import { createDraft } from '../stores/create-draft.ts';
import type { MediaItem } from './media-types.ts';

export type AltTextFormProps = {
  tenantId: string;
  item: MediaItem;
  onSaved: (item: MediaItem) => void;
};

/** The Vietnamese and English text alternatives of a file, saved with `PATCH`. */
export function AltTextForm(props: AltTextFormProps) {
  const { api, i18n, session } = useApp();
  const draft = createDraft({
    key: `${session.me()?.user.id}.media-alt.${props.tenantId}.${props.item.id}`,
    initial: { altVi: props.item.altVi ?? '', altEn: props.item.altEn ?? '' },
  });
  const [isSaving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [savedNote, setSavedNote] = createSignal('');

  const save = async () => {
    setSaving(true);
    setError(undefined);
    setSavedNote('');
    try {
      const result = await api.call(
        api.client.PATCH('/media/{mediaId}', {
          params: { path: { mediaId: props.item.id } },
          body: {
            tenantId: props.tenantId,
            altVi: draft.values.altVi.trim() || null,
            altEn: draft.values.altEn.trim() || null,
          },
        }),
      );
      draft.commit();
      setSavedNote(i18n.t('media.alt.saved'));
      props.onSaved(result.media);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Show when={draft.wasRestored()}>
        <DraftNotice onDiscard={() => draft.clear()} />
      </Show>
      <TextField
        label={i18n.t('media.alt.vi')}
        hint={i18n.t('media.alt.hint')}
        value={draft.values.altVi}
        onInput={(value) => draft.setValues('altVi', value)}
        isOptional
        maxLength={500}
      />
      <TextField
        label={i18n.t('media.alt.en')}
        value={draft.values.altEn}
        onInput={(value) => draft.setValues('altEn', value)}
        isOptional
        maxLength={500}
        spellcheck={false}
      />
      <Show when={error()}>
        <ErrorNotice error={error()} isDraftKept />
      </Show>
      <div class="form__actions">
        <SubmitButton isBusy={isSaving()}>{i18n.t('media.alt.save')}</SubmitButton>
        <p class="muted" role="status">
          {savedNote()}
        </p>
      </div>
    </form>
  );
}
