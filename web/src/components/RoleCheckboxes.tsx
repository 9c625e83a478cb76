import { For } from 'solid-js';

export type RoleCheckboxesProps<Role extends string> = {
  legend: string;
  roles: readonly Role[];
  selected: readonly Role[];
  onChange: (roles: Role[]) => void;
  labelOf: (role: Role) => string;
  describe: (role: Role) => string;
  error?: string | undefined;
};

/** A fieldset of roles, each with its label and a line on what it allows. */
export function RoleCheckboxes<Role extends string>(props: RoleCheckboxesProps<Role>) {
  const toggle = (role: Role, isChecked: boolean) => {
    const others = props.selected.filter((candidate) => candidate !== role);
    // Keep the listed order, so the request and the display agree.
    const next = isChecked ? [...others, role] : others;
    props.onChange(props.roles.filter((candidate) => next.includes(candidate)));
  };

  return (
    <fieldset class="roles" classList={{ 'field--invalid': Boolean(props.error) }}>
      <legend class="field__label">{props.legend}</legend>
      <For each={props.roles}>
        {(role) => (
          <label class="roles__option">
            <input
              type="checkbox"
              value={role}
              checked={props.selected.includes(role)}
              onChange={(event) => toggle(role, event.currentTarget.checked)}
            />
            <span>
              <span class="roles__name">{props.labelOf(role)}</span>
              <span class="roles__description">{props.describe(role)}</span>
            </span>
          </label>
        )}
      </For>
      {props.error ? <p class="field__error">{props.error}</p> : null}
    </fieldset>
  );
}
