import type { PostStatus } from '@postplan/contracts';
import './status-badge.css';

/** A glyph per status, so the badge does not rely on colour alone; the label says it in words. */
const ICONS: Record<PostStatus, string> = {
  idea: '✧',
  draft: '✎',
  in_review: '◔',
  changes_requested: '↺',
  approved: '✓',
  approval_expired: '⊘',
};

export function StatusBadge({ status, label }: { status: PostStatus; label: string }) {
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      <span className="status-badge__icon" aria-hidden="true">
        {ICONS[status]}
      </span>
      {label}
    </span>
  );
}
