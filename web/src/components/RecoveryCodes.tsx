import { For, onCleanup } from 'solid-js';

import { useApp } from '../stores/app-context.tsx';
import { CopyButton } from './CopyButton.tsx';

/** The ten recovery codes, shown once, with copy and download buttons. */
export function RecoveryCodes(props: { codes: readonly string[]; accountEmail: string }) {
  const { i18n } = useApp();
  const text = () =>
    `${i18n.t('recovery.fileHeading', { email: props.accountEmail })}\n\n${props.codes.join('\n')}\n`;
  let downloadUrl: string | undefined;

  const download = () => {
    if (downloadUrl) {
      URL.revokeObjectURL(downloadUrl);
    }
    downloadUrl = URL.createObjectURL(new Blob([text()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = downloadUrl;
    link.download = 'ma-khoi-phuc.txt';
    link.click();
  };
  onCleanup(() => downloadUrl && URL.revokeObjectURL(downloadUrl));

  return (
    <div class="recovery">
      <ol class="recovery__codes" aria-label={i18n.t('recovery.listLabel')}>
        <For each={props.codes}>
          {(code) => (
            <li>
              <code data-recovery-code="">{code}</code>
            </li>
          )}
        </For>
      </ol>
      <div class="form__actions">
        <CopyButton text={text()} label={i18n.t('recovery.copyLabel')} />
        <button type="button" class="button button--secondary" onClick={download}>
          {i18n.t('recovery.download')}
        </button>
      </div>
    </div>
  );
}
