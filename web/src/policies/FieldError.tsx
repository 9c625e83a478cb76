import { Show } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';

export type FieldErrorProps = {
  id: string;
  /** A check made before sending, in the interface language. */
  local?: string | undefined;
  /** The server's sentence for this field, which names the allowed values. */
  server?: string | undefined;
};

/** The error under a policy field: the local check's message, else the server's own. */
export function FieldError(props: FieldErrorProps) {
  const { i18n } = useApp();

  return (
    <Show when={props.local || props.server}>
      <p id={props.id} class="field__error">
        <Show when={props.local} fallback={<>{i18n.t('policies.editor.rejected')} </>}>
          {props.local}
        </Show>
        <Show when={!props.local && props.server}>
          <span lang="en">{props.server}</span>
        </Show>
      </p>
    </Show>
  );
}
