import { createSignal, Show } from 'solid-js';

import { Dialog } from '../../components/Dialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useApp } from '../../stores/app-context.tsx';

export type LinkDialogProps = {
  /** The address of the link under the cursor, when there is one. */
  currentHref: string | undefined;
  /** Whether text is selected; without it, the dialog also requests the words to show. */
  hasSelection: boolean;
  onApply: (href: string, text: string | undefined) => void;
  onRemove: () => void;
  onClose: () => void;
};

/**
 * Completes what an editor typed into an address: `www.example.gov.vn` gets `https://`, an
 * email address gets `mailto:`, and a path on the portal (`/tin-tuc/...`) stays as it is.
 * Returns undefined for anything else that has a scheme, such as `javascript:`.
 */
export function normaliseHref(input: string): string | undefined {
  const text = input.trim();
  if (text === '') {
    return undefined;
  }
  if (/^(https?:\/\/|mailto:)/i.test(text) || (text.startsWith('/') && !text.startsWith('//'))) {
    return text;
  }
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text)) {
    return `mailto:${text}`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    return undefined;
  }

  return `https://${text}`;
}

/** Asks for a link's address, and for its words when no text is selected. */
export function LinkDialog(props: LinkDialogProps) {
  const { i18n } = useApp();
  const [href, setHref] = createSignal(props.currentHref ?? '');
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string>();

  const apply = () => {
    const normalised = normaliseHref(href());
    if (!normalised) {
      setError(i18n.t('editor.link.invalid'));
      return;
    }
    props.onApply(normalised, props.hasSelection ? undefined : text().trim() || undefined);
  };

  return (
    <Dialog title={i18n.t('editor.link.title')} onClose={props.onClose}>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <TextField
          label={i18n.t('editor.link.href')}
          hint={i18n.t('editor.link.hrefHint')}
          type="url"
          value={href()}
          onInput={(value) => {
            setHref(value);
            setError(undefined);
          }}
          error={error()}
          autocomplete="off"
          spellcheck={false}
          isRequired
          isAutofocus
        />
        <Show when={!props.hasSelection && !props.currentHref}>
          <TextField
            label={i18n.t('editor.link.text')}
            hint={i18n.t('editor.link.textHint')}
            value={text()}
            onInput={setText}
            isOptional
          />
        </Show>
        <div class="form__actions">
          <button type="submit" class="button button--primary">
            {i18n.t('editor.link.apply')}
          </button>
          <Show when={props.currentHref}>
            <button type="button" class="button button--secondary" onClick={() => props.onRemove()}>
              {i18n.t('editor.link.remove')}
            </button>
          </Show>
          <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
