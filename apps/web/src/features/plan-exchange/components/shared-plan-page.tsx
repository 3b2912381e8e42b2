import { useEffect, useState, type FormEvent } from 'react';
import { PublicHeader } from '../../../components/ui/public-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useSharedPlan, useSharedPosts, useUnlockSharedPlan } from '../api/use-plan-exchange';
import { groupByDay, lastDay } from '../utils/plan-exchange-utils';
import '../plan-exchange.css';

/**
 * The read-only plan a stakeholder opens from a share link: no account, no internal comments,
 * no authors. A protected link asks for its password first.
 */
export function SharedPlanPage({ token }: { token: string }) {
  const { t, intlLocale } = useI18n();
  const info = useSharedPlan(token);
  const unlocked = info.data?.unlocked ?? false;
  const posts = useSharedPosts(token, unlocked);

  useEffect(() => {
    // The link is a secret: no referrer, no search index.
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
  if (info.isPending) content = <LoadingState label={t('sharedPlan.loading')} />;
  else if (info.isError) {
    content = (
      <ErrorState
        message={
          isApiError(info.error, 'SHARE_LINK_EXPIRED')
            ? t('sharedPlan.expired')
            : t('sharedPlan.notFound')
        }
      />
    );
  } else if (!unlocked) content = <PasswordForm token={token} />;
  else {
    const tz = info.data.timeZone;
    const day = new Intl.DateTimeFormat(intlLocale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const time = new Intl.DateTimeFormat(intlLocale, { timeStyle: 'short', timeZone: tz });
    const period = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeZone: tz });
    content = (
      <>
        <h1>{info.data.label}</h1>
        <p className="plan-exchange__intro">
          {t('sharedPlan.intro', {
            workspace: info.data.workspaceName,
            from: period.format(new Date(info.data.from)),
            to: period.format(new Date(`${lastDay(info.data.to, tz)}T12:00:00Z`)),
            zone: tz,
          })}
        </p>
        {info.data.feedUrl && (
          <p className="field__hint">
            {t('sharedPlan.subscribe')}{' '}
            <input
              className="plan-exchange__url"
              readOnly
              value={info.data.feedUrl}
              aria-label={t('sharedPlan.feed')}
              onFocus={(e) => e.target.select()}
            />
          </p>
        )}
        {posts.isPending && <LoadingState label={t('sharedPlan.loading')} />}
        {posts.isError && <ErrorState message={errorMessage(posts.error, t)} />}
        {posts.data?.items.length === 0 && <p>{t('sharedPlan.empty')}</p>}
        {posts.data &&
          groupByDay(posts.data.items, tz).map((group) => (
            <section key={group.day} className="plan-exchange__day">
              <h2>{day.format(new Date(`${group.day}T12:00:00Z`))}</h2>
              {group.items.map((post) => (
                <article key={post.id} className="plan-exchange__post" data-testid="shared-post">
                  <p className="plan-exchange__post-meta">
                    <time dateTime={post.plannedAt}>{time.format(new Date(post.plannedAt))}</time>
                    {' · '}
                    <span className="status-badge">{t(`status.${post.status}`)}</span>
                  </p>
                  {post.title && <h3>{post.title}</h3>}
                  {post.texts.map((entry, i) => (
                    <div key={i} className="plan-exchange__text">
                      {entry.channel && <strong>{entry.channel.name}</strong>}
                      <p>{entry.text}</p>
                    </div>
                  ))}
                </article>
              ))}
            </section>
          ))}
      </>
    );
  }

  return (
    <div className="plan-exchange plan-exchange--public">
      <PublicHeader className="plan-exchange__header" />
      <main id="main">{content}</main>
    </div>
  );
}

function PasswordForm({ token }: { token: string }) {
  const { t } = useI18n();
  const unlock = useUnlockSharedPlan(token);
  const [password, setPassword] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (password) unlock.mutate(password);
  };
  return (
    <form onSubmit={onSubmit} className="plan-exchange__step" data-testid="shared-plan-password">
      <h1>{t('sharedPlan.passwordTitle')}</h1>
      <p>{t('sharedPlan.passwordBody')}</p>
      <label className="field__label" htmlFor="shared-plan-password">
        {t('sharedPlan.password')}
      </label>
      <input
        id="shared-plan-password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {unlock.isError && <p className="field__error">{errorMessage(unlock.error, t)}</p>}
      <div className="plan-exchange__actions">
        <button type="submit" className="button button--primary" disabled={unlock.isPending}>
          {t('sharedPlan.unlock')}
        </button>
      </div>
    </form>
  );
}
