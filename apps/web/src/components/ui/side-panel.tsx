import { useEffect, useId, useRef, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
}

type SidePanelProps = {
  title: string;
  onClose: () => void;
  closeLabel: string;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
};

/**
 * A modal side panel: focus moves in and stays in (Tab wraps), Escape closes, and focus returns
 * to where it came from when the panel goes away.
 */
export function SidePanel({
  title,
  onClose,
  closeLabel,
  children,
  footer,
  testId,
}: SidePanelProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    if (panel) {
      const first =
        panel.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)') ??
        focusables(panel)[0] ??
        panel;
      first.focus();
    }
    // On the document, not the panel: Escape and Tab must work even if focus got outside.
    const onKeyDown = (event: KeyboardEvent) => {
      const root = panelRef.current;
      if (!root) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onCloseRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables(root);
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (!first || !last) {
        event.preventDefault();
        root.focus();
        return;
      }
      if (!(active instanceof Node) || !root.contains(active)) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      } else if (event.shiftKey && (active === first || active === root)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <div
      className="side-panel__backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={panelRef}
        className="side-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <header className="side-panel__header">
          <h2 id={titleId} className="side-panel__title">
            {title}
          </h2>
          <button type="button" className="icon-button" aria-label={closeLabel} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        <div className="side-panel__body">{children}</div>
        {footer && <footer className="side-panel__footer">{footer}</footer>}
      </div>
    </div>
  );
}

type DialogActionsProps = {
  /** The way out without doing anything ("Cancel", "Later"): closes the panel. */
  cancelLabel: string;
  onCancel: () => void;
  /** The action, named for what it does; while `busy`, it says so and cannot be pressed again. */
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  onConfirm: () => void;
  /** `danger` for what stops or removes something. */
  tone: 'primary' | 'danger';
  /** Focus starts on the action when the panel holds nothing else to fill in. */
  autoFocus?: boolean;
};

/** The footer of a dialog that asks for one decision: cancel on the left, the action on the right. */
export function DialogActions({
  cancelLabel,
  onCancel,
  confirmLabel,
  busyLabel,
  busy,
  disabled = false,
  onConfirm,
  tone,
  autoFocus = false,
}: DialogActionsProps) {
  return (
    <>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        {cancelLabel}
      </button>
      <span className="editor-footer__spacer" />
      <button
        type="button"
        className={`button button--${tone}`}
        data-autofocus={autoFocus || undefined}
        disabled={busy || disabled}
        onClick={onConfirm}
      >
        {busy ? busyLabel : confirmLabel}
      </button>
    </>
  );
}
