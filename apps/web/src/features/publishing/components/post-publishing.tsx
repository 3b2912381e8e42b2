import type { Channel, PostStatus, WorkspaceMembership } from '@postplan/contracts';
import { useId, useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePostPublications, usePublishNow } from '../api/use-publications';
import { byAttention, canPublishNow } from '../utils/publication-actions';
import { PublicationItem } from './publication-item';
import { useNow } from './use-now';
import './publishing.css';

type PostPublishingProps = {
  workspace: WorkspaceMembership;
  post: { id: string; version: number; status: PostStatus; authorId: string };
  channels: readonly Channel[];
  userId: string;
};

/**
 * The editor's publishing section: per target channel where the post stands (waiting with a
 * countdown, sending, published with its link, or what went wrong) and what a person may do.
 */
export function PostPublishing({ workspace, post, channels, userId }: PostPublishingProps) {
  const { t } = useI18n();
  const toast = useToast();
  const titleId = useId();
  const list = usePostPublications(workspace.slug, post.id);
  const publishNow = usePublishNow(workspace.slug);
  const [confirmingNow, setConfirmingNow] = useState(false);
  const [nowError, setNowError] = useState<string | null>(null);
  // Re-evaluates whether "Publish now" still makes sense as the planned time comes closer.
  const now = useNow(15_000);
  const who = { role: workspace.role, userId, authorId: post.authorId };
  const names = new Map(channels.map((c) => [c.id, c.name] as const));

  let body;
  if (list.isPending) body = <LoadingState label={t('publishing.loading')} />;
  else if (list.isError)
    body = (
      <ErrorState
        message={t('publishing.loadFailed')}
        detail={errorMessage(list.error, t)}
        action={
          <button
            type="button"
            className="button button--small"
            onClick={() => void list.refetch()}
          >
            {t('app.retry')}
          </button>
        }
      />
    );
  else if (list.data.items.length === 0)
    body = (
      <EmptyState
        message={t(post.status === 'approved' ? 'publishing.empty.unplanned' : 'publishing.empty')}
      />
    );
  else {
    const items = byAttention(list.data.items);
    const offerNow = canPublishNow(post, items, who, now);
    body = (
      <>
        <ul className="publication-list" data-testid="publication-list">
          {items.map((p) => (
            <PublicationItem
              key={p.id}
              workspace={workspace.slug}
              timeZone={workspace.timeZone}
              who={who}
              publication={p}
              channelName={names.get(p.channelId) ?? t('publishing.unknownChannel')}
            />
          ))}
        </ul>
        {offerNow && !confirmingNow && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setNowError(null);
              setConfirmingNow(true);
            }}
            data-testid="publish-now"
          >
            {t('publishing.publishNow.open')}
          </button>
        )}
        {offerNow && confirmingNow && (
          <div
            className="alert alert--warning"
            role="group"
            aria-label={t('publishing.publishNow.open')}
          >
            <p>{t('publishing.publishNow.body')}</p>
            <div className="publication__actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => setConfirmingNow(false)}
                disabled={publishNow.isPending}
              >
                {t('publishing.cancel')}
              </button>
              <button
                type="button"
                className="button button--small button--primary"
                disabled={publishNow.isPending}
                data-testid="publish-now-confirm"
                onClick={() =>
                  publishNow.mutate(
                    { postId: post.id, version: post.version },
                    {
                      onSuccess: () => {
                        setConfirmingNow(false);
                        toast.show({ tone: 'success', message: t('publishing.publishNow.done') });
                      },
                      onError: (e) => setNowError(errorMessage(e, t)),
                    },
                  )
                }
              >
                {publishNow.isPending
                  ? t('publishing.working')
                  : t('publishing.publishNow.confirm')}
              </button>
            </div>
          </div>
        )}
        {nowError && (
          <p className="publication__error" role="alert" data-testid="publish-now-error">
            {nowError}
          </p>
        )}
      </>
    );
  }

  return (
    <section className="post-publishing" aria-labelledby={titleId} data-testid="post-publishing">
      <h3 id={titleId} className="post-publishing__title">
        {t('publishing.section')}
      </h3>
      {body}
    </section>
  );
}
