import { createUniqueId } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { CopyButton } from './CopyButton.tsx';

export type OneTimeLinkProps = {
  url: string;
  label: string;
  /** Who the link is for and what it does, shown above it. */
  explanation: string;
};

/** A link the server shows only once (set-up or reset), with a copy button and a warning. */
export function OneTimeLink(props: OneTimeLinkProps) {
  const { i18n } = useApp();
  const id = createUniqueId();

  return (
    <div class="one-time-link">
      <p>{props.explanation}</p>
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <div class="one-time-link__row">
        <input
          id={id}
          class="field__input one-time-link__input"
          type="text"
          readOnly
          value={props.url}
          onFocus={(event) => event.currentTarget.select()}
          data-autofocus=""
          data-one-time-link=""
        />
        <CopyButton text={props.url} label={props.label} />
      </div>
      <p class="field__hint">{i18n.t('oneTimeLink.warning')}</p>
    </div>
  );
}
