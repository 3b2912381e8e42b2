import type { ReactNode } from 'react';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner__circle" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({
  message,
  detail,
  action,
}: {
  message: string;
  detail?: string;
  action?: ReactNode;
}) {
  return (
    <div className="state state--error" role="alert">
      <p className="state__message">{message}</p>
      {detail && <p className="state__detail">{detail}</p>}
      {action}
    </div>
  );
}

export function EmptyState({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__message">{message}</p>
      {action}
    </div>
  );
}
