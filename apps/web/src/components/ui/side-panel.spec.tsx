/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { DialogActions, SidePanel } from './side-panel';

function Harness({ onClose }: { onClose: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <SidePanel
          title="Edit post"
          closeLabel="Close"
          onClose={() => {
            onClose();
            setOpen(false);
          }}
          footer={<button type="button">Save</button>}
        >
          <input aria-label="Title" data-autofocus />
        </SidePanel>
      )}
    </>
  );
}

describe('SidePanel', () => {
  it('is a labelled modal dialog that takes focus, closes on Escape and gives focus back', () => {
    const onClose = jest.fn();
    render(<Harness onClose={onClose} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Edit post' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the panel, in both directions', () => {
    render(<Harness onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    const close = screen.getByRole('button', { name: 'Close' });
    const save = screen.getByRole('button', { name: 'Save' });

    save.focus();
    fireEvent.keyDown(save, { key: 'Tab' });
    expect(document.activeElement).toBe(close);

    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
  });
});

describe('DialogActions', () => {
  const actions = (busy: boolean, onConfirm = jest.fn(), onCancel = jest.fn()) => (
    <DialogActions
      cancelLabel="Cancel"
      onCancel={onCancel}
      confirmLabel="Remove member"
      busyLabel="Removing…"
      busy={busy}
      onConfirm={onConfirm}
      tone="danger"
    />
  );

  it('runs the action or cancels, and cannot be pressed twice while busy', () => {
    const onConfirm = jest.fn();
    const onCancel = jest.fn();
    const { rerender } = render(actions(false, onConfirm, onCancel));
    fireEvent.click(screen.getByRole('button', { name: 'Remove member' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).toHaveBeenCalledTimes(1);

    rerender(actions(true, onConfirm, onCancel));
    const busy = screen.getByRole<HTMLButtonElement>('button', { name: 'Removing…' });
    expect(busy.disabled).toBe(true);
    fireEvent.click(busy);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
