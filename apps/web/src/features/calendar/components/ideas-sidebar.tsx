import type { Channel, Post } from '@postplan/contracts';
import { StatusBadge } from '../../../components/ui/status-badge';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { channelColor, displayTitle } from '../utils/post-events';

type IdeasSidebarProps = {
  posts: readonly Post[] | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  channelsById: ReadonlyMap<string, Channel>;
  canCreate: boolean;
  onNewIdea: () => void;
  onOpen: (post: Post) => void;
};

export function IdeasSidebar(props: IdeasSidebarProps) {
  const { t } = useI18n();
  const untitled = t('calendar.untitled');
  let body;
  if (props.isLoading) body = <LoadingState label={t('ideas.loading')} />;
  else if (props.error)
    body = (
      <ErrorState
        message={t('ideas.loadFailed')}
        detail={errorMessage(props.error, t)}
        action={
          <button type="button" className="button button--small" onClick={props.onRetry}>
            {t('app.retry')}
          </button>
        }
      />
    );
  else if (!props.posts || props.posts.length === 0)
    body = <EmptyState message={t('ideas.empty')} />;
  else
    body = (
      <ul className="ideas__list">
        {props.posts.map((post) => (
          <li key={post.id}>
            <button
              type="button"
              className="idea-card"
              data-testid="idea"
              style={{ borderInlineStartColor: channelColor(post, props.channelsById) }}
              onClick={() => props.onOpen(post)}
            >
              <span className="idea-card__title">{displayTitle(post, untitled)}</span>
              <span className="idea-card__meta">
                <StatusBadge status={post.status} label={t(`status.${post.status}`)} />
                {post.tags.slice(0, 3).map((tag) => (
                  <span key={tag} className="tag">
                    #{tag}
                  </span>
                ))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    );

  return (
    <aside className="ideas" aria-labelledby="ideas-title" data-testid="ideas">
      <header className="ideas__header">
        <div>
          <h2 id="ideas-title" className="ideas__title">
            {t('ideas.title')}
            {props.posts && props.posts.length > 0 && (
              <span className="ideas__count">{props.posts.length}</span>
            )}
          </h2>
          <p className="ideas__subtitle">{t('ideas.subtitle')}</p>
        </div>
        {props.canCreate && (
          <button type="button" className="button button--small" onClick={props.onNewIdea}>
            <span aria-hidden="true">+</span> {t('ideas.new')}
          </button>
        )}
      </header>
      {body}
    </aside>
  );
}
