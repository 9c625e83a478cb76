import { For, Match, Switch } from 'solid-js';

import { useApp } from '../../stores/app-context.tsx';
import type { DiffPart } from './item-types.ts';

/**
 * Renders one side of a word diff. Removed words are in `<del>` and added words in `<ins>`,
 * each with a spoken marker for screen readers. The stylesheet strikes or underlines them, so
 * a change is shown by more than colour.
 */
export function DiffText(props: { parts: readonly DiffPart[] }) {
  const { i18n } = useApp();

  return (
    <span class="diff-text">
      <For each={props.parts}>
        {(part) => (
          <Switch fallback={part.value}>
            <Match when={part.removed}>
              <del class="diff-text__removed">
                <span class="visually-hidden">{i18n.t('editor.diff.removedStart')}</span>
                {part.value}
                <span class="visually-hidden">{i18n.t('editor.diff.removedEnd')}</span>
              </del>
            </Match>
            <Match when={part.added}>
              <ins class="diff-text__added">
                <span class="visually-hidden">{i18n.t('editor.diff.addedStart')}</span>
                {part.value}
                <span class="visually-hidden">{i18n.t('editor.diff.addedEnd')}</span>
              </ins>
            </Match>
          </Switch>
        )}
      </For>
    </span>
  );
}
