import { createSignal, Show } from 'solid-js';

import { Dialog } from '../components/Dialog.tsx';
import { DraftNotice } from '../components/DraftNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { useApp } from '../stores/app-context.tsx';
import { createDraft, draftSnapshot } from '../stores/create-draft.ts';
import { BoundsEditor } from './BoundsEditor.tsx';
import {
  boundsState,
  parseBounds,
  parseValue,
  valueState,
  type BoundsState,
  type ValueState,
} from './editor-state.ts';
import { serverMessageFor } from './field-errors.ts';
import { formatValue } from './format-value.ts';
import { ReasonField } from './ReasonField.tsx';
import type { Policy } from './types.ts';
import { ValueEditor } from './ValueEditor.tsx';

export type BoardPolicyDialogProps = {
  policy: Policy;
  onSaved: () => void;
  onClose: () => void;
};

type BoardForm = { value: ValueState; bounds: BoundsState; isLocked: boolean; reason: string };

type LocalErrors = Partial<Record<'value' | 'bounds' | 'reason', string>>;

/** The board's default of one policy, its bounds and its lock, changed with a reason. */
export function BoardPolicyDialog(props: BoardPolicyDialogProps) {
  const { api, session, i18n } = useApp();
  const initialValue = valueState(props.policy, props.policy.boardValue);
  const draft = createDraft<BoardForm>({
    key: `${session.me()?.user.id}.policy-default.${props.policy.key}`,
    initial: {
      value: initialValue,
      bounds: boundsState(props.policy, initialValue.byteUnit),
      isLocked: props.policy.isLocked,
      reason: '',
    },
  });
  const [isBusy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const [local, setLocal] = createSignal<LocalErrors>({});
  const isPlatformWide = () => props.policy.direction === 'none';
  const hasBounds = () => props.policy.hasBounds && !isPlatformWide();

  const save = async () => {
    if (isBusy()) {
      return;
    }
    const form = draftSnapshot(draft);
    const value = parseValue(props.policy, form.value);
    const bounds = parseBounds(props.policy, form.bounds, form.value.byteUnit);
    const errors: LocalErrors = {
      value: value.ok ? undefined : i18n.t(value.problem),
      bounds: !hasBounds() || bounds.ok ? undefined : i18n.t(bounds.problem),
      reason: form.reason.trim().length >= 3 ? undefined : i18n.t('policies.reason.required'),
    };
    setLocal(errors);
    if (!value.ok || errors.bounds || errors.reason) {
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await api.call(
        api.client.PUT('/policies/{key}', {
          params: { path: { key: props.policy.key } },
          body: {
            value: value.value,
            reason: form.reason.trim(),
            version: props.policy.boardVersion,
            ...(isPlatformWide() ? {} : { isLocked: form.isLocked }),
            ...(hasBounds() && bounds.ok ? { bounds: bounds.value } : {}),
          },
        }),
      );
      draft.clear();
      props.onSaved();
      props.onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={i18n.t('policies.board.title', { policy: props.policy.label[i18n.locale()] })}
      description={i18n.t('policies.board.intro', {
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
        <ValueEditor
          policy={props.policy}
          label={i18n.t('policies.board.valueLabel')}
          hint={props.policy.description[i18n.locale()]}
          state={draft.values.value}
          onChange={(patch) => draft.setValues('value', patch)}
          localError={local().value}
          serverError={serverMessageFor(failure(), 'value')}
        />
        <Show when={hasBounds()}>
          <BoundsEditor
            policy={props.policy}
            state={draft.values.bounds}
            onChange={(patch) => draft.setValues('bounds', patch)}
            byteUnit={draft.values.value.byteUnit}
            localError={local().bounds}
            serverError={serverMessageFor(failure(), 'bounds')}
          />
        </Show>
        <Show
          when={!isPlatformWide()}
          fallback={<p class="muted">{i18n.t('policies.board.platformWide')}</p>}
        >
          <label class="checkbox">
            <input
              type="checkbox"
              checked={draft.values.isLocked}
              onChange={(event) => draft.setValues('isLocked', event.currentTarget.checked)}
            />
            <span>
              <span class="roles__name">{i18n.t('policies.board.lock')}</span>
              <span class="roles__description">{i18n.t('policies.board.lockHint')}</span>
            </span>
          </label>
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
          <SubmitButton isBusy={isBusy()}>{i18n.t('policies.board.save')}</SubmitButton>
          <button type="button" class="button button--secondary" onClick={() => props.onClose()}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
