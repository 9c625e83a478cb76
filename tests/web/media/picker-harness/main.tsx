// A page for the browser tests only: it opens the media picker on the signed-in user's portal,
// because no admin screen opens it yet, and prints what was picked as JSON.
import { createSignal, Show } from 'solid-js';
import { render } from 'solid-js/web';

import { MediaPicker, type PickedMedia } from '../../../../web/src/media/MediaPicker.tsx';
import { AppProvider, createAppServices, useApp } from '../../../../web/src/stores/app-context.tsx';
import '../../../../web/src/styles/app.css';

function PickerHarness() {
  const { scope } = useApp();
  const [isOpen, setOpen] = createSignal(false);
  const [picked, setPicked] = createSignal<PickedMedia[]>();

  return (
    <main class="shell__main">
      <h1>Bộ chọn tệp</h1>
      <Show when={scope.current()} fallback={<p>Đang tải…</p>}>
        {(tenant) => (
          <>
            <button type="button" class="button button--primary" onClick={() => setOpen(true)}>
              Mở bộ chọn ảnh
            </button>
            <Show when={isOpen()}>
              <MediaPicker
                tenantId={tenant().id}
                accept="image"
                multiple
                onPick={(media) => {
                  setPicked(media);
                  setOpen(false);
                }}
                onClose={() => setOpen(false)}
              />
            </Show>
          </>
        )}
      </Show>
      <output data-picked>{picked() ? JSON.stringify(picked()) : ''}</output>
    </main>
  );
}

const services = createAppServices();
void services.session.refresh();
render(
  () => (
    <AppProvider services={services}>
      <PickerHarness />
    </AppProvider>
  ),
  document.getElementById('app')!,
);
