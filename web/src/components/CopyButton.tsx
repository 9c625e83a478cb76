import { createSignal } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';

export type CopyButtonProps = {
  text: string;
  /** What is copied, for the button's accessible name, e.g. "the set-up link". */
  label: string;
};

/** Copies text to the clipboard and says, in a live region, whether it worked. */
export function CopyButton(props: CopyButtonProps) {
  const { i18n } = useApp();
  const [outcome, setOutcome] = createSignal<'copied' | 'failed' | undefined>();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };

  return (
    <span class="copy">
      <button
        type="button"
        class="button button--secondary"
        aria-label={i18n.t('copy.labelled', { what: props.label })}
        onClick={() => void copy()}
      >
        {i18n.t('copy.button')}
      </button>
      <span class="copy__status" role="status">
        {outcome() === 'copied'
          ? i18n.t('copy.done')
          : outcome() === 'failed'
            ? i18n.t('copy.failed')
            : ''}
      </span>
    </span>
  );
}
