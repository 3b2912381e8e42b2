import { NavLink } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useReviewQueue } from '../api/use-review-queue';
import './review.css';

/** The header's link to the review queue, with how many posts wait for the caller. */
export function ReviewNavLink({ workspace, className }: { workspace: string; className: string }) {
  const { t } = useI18n();
  // Kept fresh without a push channel: the queue is small and cheap to ask for.
  const queue = useReviewQueue(workspace, { refetchInterval: 60_000 });
  const count = queue.data?.items.filter((i) => i.mine).length ?? 0;
  return (
    <NavLink
      to={`/w/${encodeURIComponent(workspace)}/review`}
      className={className}
      data-testid="nav-review"
    >
      {t('nav.review')}
      {count > 0 && (
        <>
          {' '}
          <span className="nav-count" aria-hidden="true">
            {count}
          </span>
          <span className="visually-hidden">({t('nav.reviewCount', { count })})</span>
        </>
      )}
    </NavLink>
  );
}
