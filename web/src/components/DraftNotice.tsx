import { useApp } from '../stores/app-context.tsx';

export type DraftNoticeProps = {
  onDiscard: () => void;
};

/** Says that a form was filled from what was typed last time, with a way to start over. */
export function DraftNotice(props: DraftNoticeProps) {
  const { i18n } = useApp();

  return (
    <div class="notice notice--info" role="status">
      <p>{i18n.t('draft.restored')}</p>
      <button type="button" class="button button--quiet" onClick={() => props.onDiscard()}>
        {i18n.t('draft.discard')}
      </button>
    </div>
  );
}
