import { For, Show } from 'solid-js';

export type RoleBadgesProps = {
  labels: readonly string[];
  /** Shown when there are no roles. */
  emptyText: string;
};

export function RoleBadges(props: RoleBadgesProps) {
  return (
    <Show when={props.labels.length > 0} fallback={<span class="muted">{props.emptyText}</span>}>
      <ul class="badges">
        <For each={props.labels}>{(label) => <li class="badge">{label}</li>}</For>
      </ul>
    </Show>
  );
}
