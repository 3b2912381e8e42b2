import type { PostDetail } from '@postplan/contracts';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { who } from '../../../lib/i18n/translate';

type Props = { detail: Pick<PostDetail, 'status' | 'review'>; userId: string };

/**
 * What the reviewer asked for, at the top of the editor, so the author does not scroll to the
 * end of the review panel to find it. Shown while the post waits for those changes.
 */
export function OpenChangeRequest({ detail, userId }: Props) {
  const { t } = useI18n();
  if (detail.status !== 'changes_requested') return null;
  const requests = (detail.review.round?.decisions ?? []).filter(
    (d) => d.decision === 'request_changes',
  );
  const latest = requests[requests.length - 1];
  if (!latest) return null;
  const name = latest.viaLink
    ? t('comments.viaLink', { name: latest.viaLink.visitorName, label: latest.viaLink.label })
    : latest.name;
  return (
    <section
      className="alert alert--warning open-change-request"
      role="note"
      aria-label={t('review.openRequest.label')}
      data-testid="open-change-request"
    >
      <p className="alert__title">
        {t('review.openRequest.title', { name, who: who(latest.userId === userId) })}
      </p>
      <p className="open-change-request__note">{latest.note ?? t('review.openRequest.noNote')}</p>
    </section>
  );
}
