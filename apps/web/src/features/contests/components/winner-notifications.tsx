import type { Contest, DrawnEntrant, WorkspaceMembership } from '@postplan/contracts';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useDraftNotification, useNotifications } from '../api/use-contests';
import { canEditContests } from '../utils/contest-view';

type Props = {
  workspace: WorkspaceMembership;
  contest: Contest;
  winners: DrawnEntrant[];
  postHref?: (postId: string) => string;
};

/**
 * Winner notifications are drafts: a reply becomes a post that goes through review like any
 * other, a direct message waits for a person to send it. Nothing here sends anything.
 */
export function WinnerNotifications({ workspace, contest, winners, postHref }: Props) {
  const { t, locale } = useI18n();
  const list = useNotifications(workspace.slug, contest.id, true);
  const draft = useDraftNotification(workspace.slug, contest.id);
  const editable = canEditContests(workspace.role);
  const byEntrant = new Map((list.data?.items ?? []).map((n) => [n.entrantId, n]));

  return (
    <section className="contests-card" aria-labelledby="notify-title" data-testid="notifications">
      <h2 id="notify-title" className="contests-card__title">
        {t('contests.notify.title')}
      </h2>
      <p className="field__hint">{t('contests.notify.intro')}</p>
      {list.isPending && <LoadingState label={t('app.loading')} />}
      {list.isError && <ErrorState message={errorMessage(list.error, t)} />}
      {draft.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(draft.error, t)}
        </div>
      )}
      {list.isSuccess && (
        <ul className="contest-versions">
          {winners.map((w) => {
            const note = byEntrant.get(w.entrantId);
            return (
              <li key={w.entrantId} className="contest-notification">
                <strong>{w.maskedHandle}</strong>
                {note ? (
                  <>
                    <span className={`contest-status contest-status--${note.status}`}>
                      {t(`contests.notify.status.${note.status}`)}
                    </span>
                    <span className="contest-rules__text">{note.text}</span>
                    {note.postId && postHref && (
                      <a href={postHref(note.postId)}>{t('contests.notify.openPost')}</a>
                    )}
                  </>
                ) : (
                  editable && (
                    <span className="contests-card__actions">
                      <button
                        type="button"
                        className="button button--small"
                        disabled={draft.isPending}
                        onClick={() =>
                          draft.mutate({ entrantId: w.entrantId, kind: 'reply', language: locale })
                        }
                      >
                        {t('contests.notify.draftReply')}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={draft.isPending}
                        onClick={() =>
                          draft.mutate({
                            entrantId: w.entrantId,
                            kind: 'direct_message',
                            language: locale,
                          })
                        }
                      >
                        {t('contests.notify.draftMessage')}
                      </button>
                    </span>
                  )
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
