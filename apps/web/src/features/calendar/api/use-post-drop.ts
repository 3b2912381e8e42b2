import type { Post, WorkspaceMembership } from '@postplan/contracts';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { DropRequest } from '../components/post-calendar';
import { moveRequest } from '../utils/move-request';
import { displayTitle } from '../utils/post-events';
import { useMovePost } from './use-calendar-posts';

/**
 * What a drop does: the server decides. The move is sent as a PATCH of plannedAt; when it is
 * not allowed here (no right, an all-day slot) or the API refuses it, the event goes back where
 * it was and a message says why. The calendar is never left showing a time the server does not
 * have.
 */
export function usePostDrop(
  workspace: Pick<WorkspaceMembership, 'slug' | 'timeZone'>,
  canEdit: (post: Post) => boolean,
): (drop: DropRequest) => void {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const move = useMovePost(workspace.slug);

  return ({ post, startStr, allDay, revert }: DropRequest) => {
    const name = displayTitle(post, t('calendar.untitled'));
    const refuse = (reason: string) => {
      revert();
      toast.show({ tone: 'error', message: t('calendar.moveFailed', { title: name, reason }) });
    };
    if (!canEdit(post)) return refuse(t('calendar.moveNotAllowed'));
    const request = moveRequest({ startStr, allDay }, post.version);
    if (!request.ok) return refuse(t('calendar.moveAllDay'));
    move.mutate(
      { post, version: request.version, plannedAt: request.body.plannedAt },
      {
        onSuccess: (updated) => {
          const when = updated.plannedAt
            ? new Intl.DateTimeFormat(intlLocale, {
                dateStyle: 'medium',
                timeStyle: 'short',
                timeZone: workspace.timeZone,
              }).format(new Date(updated.plannedAt))
            : '';
          toast.show({ tone: 'success', message: t('calendar.moved', { title: name, when }) });
        },
        onError: (error) =>
          refuse(
            isApiError(error, 'STALE_VERSION') ? t('editor.stale.title') : errorMessage(error, t),
          ),
      },
    );
  };
}
