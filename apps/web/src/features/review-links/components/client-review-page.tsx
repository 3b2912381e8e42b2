import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { PublicHeader } from '../../../components/ui/public-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { isApiError } from '../../../lib/api/api-error';
import { queryKeys } from '../../../lib/api/endpoints';
import { clientErrorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useReviewPosts, useReviewVisit } from '../api/use-client-review';
import { formatPlanned, rememberVisitorName, storedVisitorName } from '../utils/visitor';
import { ClientPostCard } from './client-post-card';
import { VisitorWelcome } from './visitor-welcome';
import '../review-links.css';

/**
 * The page a client opens from the link: no account, phone first. It asks for a name (and the
 * password of a protected link), then shows the posts of the link to read, approve, send back
 * or comment on.
 */
export function ClientReviewPage({ token }: { token: string }) {
  const { t } = useI18n();
  const visit = useReviewVisit(token);
  const [name, setName] = useState(storedVisitorName);
  // A returning visitor (their name is on this device) goes straight to the posts.
  const [phase, setPhase] = useState<'welcome' | 'posts'>(() => (name ? 'posts' : 'welcome'));

  useEffect(() => {
    // The link is a secret: it must not travel on as a referrer, nor land in a search index.
    const referrer = Object.assign(document.createElement('meta'), {
      name: 'referrer',
      content: 'no-referrer',
    });
    const robots = Object.assign(document.createElement('meta'), {
      name: 'robots',
      content: 'noindex',
    });
    document.head.append(referrer, robots);
    return () => {
      referrer.remove();
      robots.remove();
    };
  }, []);

  let content;
  if (visit.isPending) {
    content = <LoadingState label={t('clientReview.loading')} />;
  } else if (visit.isError) {
    content = <LinkProblem error={visit.error} retry={() => void visit.refetch()} />;
  } else if (phase === 'welcome' || (visit.data.passwordRequired && !visit.data.unlocked)) {
    content = (
      <VisitorWelcome
        token={token}
        info={visit.data}
        defaultName={name}
        onEntered={(visitorName) => {
          rememberVisitorName(visitorName);
          setName(visitorName);
          setPhase('posts');
        }}
      />
    );
  } else {
    content = (
      <ClientPosts token={token} visitorName={name} onChangeName={() => setPhase('welcome')} />
    );
  }

  return (
    <div className="client-review">
      <PublicHeader className="client-review__header" />
      <main className="client-review__main" id="main">
        {content}
      </main>
    </div>
  );
}

function LinkProblem({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  if (isApiError(error, 'REVIEW_LINK_NOT_FOUND') || isApiError(error, 'REVIEW_LINK_EXPIRED')) {
    const expired = isApiError(error, 'REVIEW_LINK_EXPIRED');
    return (
      <div className="client-review__card" role="alert">
        <h1 className="client-review__title">
          {t(expired ? 'clientReview.expired.title' : 'clientReview.notFound.title')}
        </h1>
        <p>{t(expired ? 'clientReview.expired.body' : 'clientReview.notFound.body')}</p>
      </div>
    );
  }
  return (
    <ErrorState
      message={t('app.loadFailed')}
      detail={clientErrorMessage(error, t)}
      action={
        <button type="button" className="button" onClick={retry}>
          {t('app.retry')}
        </button>
      }
    />
  );
}

function ClientPosts({
  token,
  visitorName,
  onChangeName,
}: {
  token: string;
  visitorName: string;
  onChangeName: () => void;
}) {
  const { t, intlLocale } = useI18n();
  const client = useQueryClient();
  const visit = useReviewVisit(token);
  const posts = useReviewPosts(token, true);
  const info = visit.data;
  const locked = posts.isError && isApiError(posts.error, 'REVIEW_LINK_PASSWORD_REQUIRED');

  useEffect(() => {
    // The unlock ran out while the page was open: ask for the password again.
    if (locked) void client.invalidateQueries({ queryKey: queryKeys.reviewVisit(token) });
  }, [locked, client, token]);

  if (!info) return null;
  return (
    <div className="client-review__content">
      <section className="client-review__card client-review__intro">
        <h1 className="client-review__title">{info.label}</h1>
        <p className="client-review__lead">{info.workspaceName}</p>
        <p>{t(`clientReview.permission.${info.permission}`)}</p>
        <p className="client-review__small">
          {t('clientReview.expiresAt', {
            date: formatPlanned(info.expiresAt, intlLocale, info.timeZone),
          })}{' '}
          {t('clientReview.timeZone', { zone: info.timeZone })}
        </p>
        <p className="client-review__small">
          {t('clientReview.header.as', { name: visitorName })}{' '}
          <button type="button" className="client-review__link-button" onClick={onChangeName}>
            {t('clientReview.header.change')}
          </button>
        </p>
      </section>

      {posts.isPending && <LoadingState label={t('clientReview.loading')} />}
      {posts.isError && !locked && (
        <LinkProblem error={posts.error} retry={() => void posts.refetch()} />
      )}
      {posts.isSuccess && posts.data.items.length === 0 && (
        <EmptyState message={t('clientReview.empty')} />
      )}
      {posts.isSuccess &&
        posts.data.items.map((post) => (
          <ClientPostCard
            key={post.id}
            token={token}
            info={info}
            post={post}
            visitorName={visitorName}
          />
        ))}
    </div>
  );
}
