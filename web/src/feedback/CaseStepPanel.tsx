import { createSignal, For, Match, Show, Switch } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { ClassifyDialog } from './ClassifyDialog.tsx';
import type { CaseDetail, CaseStepName } from './feedback-names.ts';
import { ForwardDialog } from './ForwardDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { NoteStepDialog, type NoteStepName } from './NoteStepDialog.tsx';
import { RejectDialog } from './RejectDialog.tsx';

/** The steps with a dialog, in the order their buttons appear; the answer has its own editor. */
const dialogSteps = [
  'classify',
  'forward',
  'approve',
  'publish',
  'return',
  'progress_note',
  'merge',
  'reject',
] as const satisfies readonly CaseStepName[];

type DialogStep = (typeof dialogSteps)[number];

const noteSteps = new Set<DialogStep>(['return', 'approve', 'progress_note', 'publish']);
const dangerSteps = new Set<DialogStep>(['reject', 'merge', 'return']);

export type CaseStepPanelProps = {
  detail: CaseDetail;
  tenantId: string;
  /** Called with the step once the server has taken it. */
  onDone: (step: CaseStepName) => void;
};

/** One button per step this user may take on the case now, each opening that step's dialog. */
export function CaseStepPanel(props: CaseStepPanelProps) {
  const { i18n } = useApp();
  const [open, setOpen] = createSignal<DialogStep>();
  const available = () => dialogSteps.filter((step) => props.detail.availableSteps.includes(step));
  const openNoteStep = () => {
    const step = open();
    return step && noteSteps.has(step) ? (step as NoteStepName) : undefined;
  };
  const close = () => setOpen(undefined);
  const done = (step: DialogStep) => {
    setOpen(undefined);
    props.onDone(step);
  };
  const base = (step: DialogStep) => ({
    detail: props.detail,
    tenantId: props.tenantId,
    onDone: () => done(step),
    onClose: close,
  });

  return (
    <>
      <Show
        when={available().length > 0}
        fallback={<p class="muted">{i18n.t('feedback.noSteps')}</p>}
      >
        <ul class="feedback-steps">
          <For each={available()}>
            {(step) => (
              <li>
                <button
                  type="button"
                  class="button"
                  classList={{
                    'button--danger-outline': dangerSteps.has(step),
                    'button--secondary': !dangerSteps.has(step),
                  }}
                  onClick={() => setOpen(step)}
                >
                  {i18n.t(`feedback.step.${step}`)}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Switch>
        <Match when={open() === 'classify'}>
          <ClassifyDialog {...base('classify')} />
        </Match>
        <Match when={open() === 'forward'}>
          <ForwardDialog {...base('forward')} />
        </Match>
        <Match when={open() === 'reject'}>
          <RejectDialog {...base('reject')} />
        </Match>
        <Match when={open() === 'merge'}>
          <MergeDialog {...base('merge')} />
        </Match>
        <Match when={openNoteStep()}>
          {(step) => <NoteStepDialog {...base(step())} step={step()} />}
        </Match>
      </Switch>
    </>
  );
}
