import type { PostStatus } from '@postplan/contracts';

export function StatusBadge({ status, label }: { status: PostStatus; label: string }) {
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      {label}
    </span>
  );
}
