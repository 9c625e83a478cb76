import { render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal, Show } from 'solid-js';
import { describe, expect, it } from 'vitest';

import { Dialog } from '../../../web/src/components/Dialog.tsx';
import { AppProvider, createAppServices } from '../../../web/src/stores/app-context.tsx';

function Harness() {
  const [isOpen, setOpen] = createSignal(false);

  return (
    <AppProvider services={createAppServices()}>
      <button type="button" onClick={() => setOpen(true)}>
        Mở hộp thoại
      </button>
      <Show when={isOpen()}>
        <Dialog title="Hộp thử" onClose={() => setOpen(false)}>
          <input aria-label="Ô thứ nhất" />
          <button type="button">Nút cuối</button>
        </Dialog>
      </Show>
    </AppProvider>
  );
}

async function openDialog() {
  const user = userEvent.setup();
  render(() => <Harness />);
  await user.click(screen.getByRole('button', { name: 'Mở hộp thoại' }));
  return user;
}

describe('Dialog', () => {
  it('opens as a labelled modal with focus on its first field', async () => {
    await openDialog();

    expect(screen.getByRole('dialog', { name: 'Hộp thử' })).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByLabelText('Ô thứ nhất')).toHaveFocus();
  });

  it('keeps Tab inside the dialog', async () => {
    const user = await openDialog();

    await user.tab();
    expect(screen.getByRole('button', { name: 'Nút cuối' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Đóng' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Nút cuối' })).toHaveFocus();
  });

  it('closes on Escape and gives focus back to its opener', async () => {
    const user = await openDialog();

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mở hộp thoại' })).toHaveFocus();
  });
});
