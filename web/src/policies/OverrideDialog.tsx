import { createSignal, Show } from 'solid-js';

import type { Tenant } from '../api/client.ts';
import { Dialog } from '../components/Dialog.tsx';
import { DraftNotice } from '../components/DraftNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { tenantName } from '../components/tenant-name.ts';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { describeAllowedOverride } from './allowed-override.ts';
import { parseValue, valueState, type ValueState } from './editor-state.ts';
import { serverMessageFor } from './field-errors.ts';
import { formatValue } from './format-value.ts';
import { ReasonField } from './ReasonField.tsx';
import type { Policy } from './types.ts';
import { ValueEditor } from './ValueEditor.tsx';

export type OverrideDialogProps = {
  policy: Policy;
  tenant: Tenant;
  onSaved: () => void;
  onClose: () => void;
};

type OverrideForm = { value: ValueState; reason: string };

type LocalErrors = Partial<Record<'value' | 'reason', string>>;

/**
 * A portal's own, stricter value of a policy, set or removed with a reason. The server rejects
 * a value outside the board's bounds or looser than the board's value. Its sentence names the
 * allowed values and is shown at the field, and what was typed stays.
 */
export function OverrideDialog(props: OverrideDialogProps) {
  const { api, session, i18n } = useApp();
  const draft = createDraft<OverrideForm>({
    key: `${session.me()?.user.id}.policy-override.${props.tenant.id}.${props.policy.key}`,
    initial: {
      value: valueState(props.policy, props.policy.override?.value ?? props.policy.value),
      reason: '',
    },
  });
  const [busy, setBusy] = createSignal<'save' | 'remove'>();
  const [failure, setFailure] = createSignal<unknown>();
  const [local, setLocal] = createSignal<LocalErrors>({});
  const portal = () => tenantName(props.tenant, i18n.locale());

  const checkedReason = (): string | undefined => {
    const reason = draftSnapshot(draft).reason.trim();
    if (reason.length < 3) {
      setLocal((errors) => ({ ...errors, reason: i18n.t('policies.reason.required') }));
      return undefined;
    }
    return reason;
  };

  const run = async (action: 'save' | 'remove', request: () => Promise<unknown>) => {
    setBusy(action);
    setFailure(undefined);
    try {
      await request();
      draft.clear();
      props.onSaved();
      props.onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(undefined);
    }
  };

  const save = async () => {
    if (busy()) {
      return;
    }
    const value = parseValue(props.policy, draftSnapshot(draft).value);
    setLocal({ value: value.ok ? undefined : i18n.t(value.problem) });
    const reason = checkedReason();
    if (!value.ok || reason === undefined) {
      return;
    }
    await run('save', () =>
      api.call(
        api.client.PUT('/policies/{key}/override', {
          params: { path: { key: props.policy.key } },
          body: {
            tenantId: props.tenant.id,
            value: value.value,
            reason,
            version: props.policy.override?.version ?? 0,
          },
        }),
      ),
    );
  };

  const remove = async () => {
    if (busy()) {
      return;
    }
    setLocal({});
    const reason = checkedReason();
    if (reason === undefined) {
      return;
    }
    await run('remove', () =>
      api.call(
        api.client.DELETE('/policies/{key}/override', {
          params: { path: { key: props.policy.key } },
          body: { tenantId: props.tenant.id, reason },
        }),
      ),
    );
  };

  return (
    <Dialog
      title={i18n.t('policies.override.title', { policy: props.policy.label[i18n.locale()] })}
      description={i18n.t('policies.override.intro', {
        portal: portal(),
        value: formatValue(props.policy, props.policy.boardValue, i18n),
      })}
      onClose={props.onClose}
      isWide
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Show when={draft.wasRestored()}>
          <DraftNotice onDiscard={() => draft.clear()} />
        </Show>
        <Show
          when={props.policy.isOverridable}
          fallback={<p class="notice notice--info">{i18n.t('policies.override.lockedNow')}</p>}
        >
          <ValueEditor
            policy={props.policy}
            label={i18n.t('policies.override.valueLabel', { portal: portal() })}
            hint={describeAllowedOverride(props.policy, i18n)}
            state={draft.values.value}
            onChange={(patch) => draft.setValues('value', patch)}
            localError={local().value}
            serverError={serverMessageFor(failure(), 'value')}
          />
        </Show>
        <ReasonField
          value={draft.values.reason}
          onInput={(reason) => draft.setValues('reason', reason)}
          localError={local().reason}
          serverError={serverMessageFor(failure(), 'reason')}
        />
        <Show when={failure() !== undefined}>
          <ErrorNotice error={failure()} isDraftKept />
        </Show>
        <div class="form__actions">
          <Show when={props.policy.isOverridable}>
            <SubmitButton isBusy={busy() === 'save'}>
              {i18n.t('policies.override.save')}
            </SubmitButton>
          </Show>
          <Show when={props.policy.override}>
            <SubmitButton
              type="button"
              variant="danger"
              isBusy={busy() === 'remove'}
              busyLabel={i18n.t('policies.override.removing')}
              onClick={() => void remove()}
            >
              {i18n.t('policies.override.remove')}
            </SubmitButton>
          </Show>
          <button type="button" class="button button--secondary" onClick={() => props.onClose()}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
