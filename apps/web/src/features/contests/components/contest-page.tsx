import type { Contest, WorkspaceMembership } from '@postplan/contracts';
import { useQueries } from '@tanstack/react-query';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import { api, queryKeys } from '../../../lib/api/endpoints';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useContest, useUpdateContest } from '../api/use-contests';
import { contestToForm, toContestRequest } from '../utils/contest-form';
import { canEditContests, formatWhen } from '../utils/contest-view';
import { ContestForm } from './contest-form';
import { ContestStatusBadge } from './contest-status-badge';
import { DrawPanel } from './draw-panel';
import { EntriesPanel } from './entries-panel';
import { RulesPanel } from './rules-panel';
import '../contests.css';

const TABS = ['details', 'rules', 'entries', 'draw'] as const;
type Tab = (typeof TABS)[number];

type Props = {
  workspace: WorkspaceMembership;
  contestId: string;
  listHref: string;
  /** Where a post opens (a drafted winner reply). */
  postHref?: (postId: string) => string;
  /** The campaign the contest belongs to, as the app links it (null: it stands alone). */
  campaignLink?: (campaignId: string) => ReactNode;
};

/** One contest: its fields, rules, entries and draw, each on a tab (kept in `?tab=`). */
export function ContestPage({ workspace, contestId, listHref, postHref, campaignLink }: Props) {
  const { t, intlLocale } = useI18n();
  const contest = useContest(workspace.slug, contestId);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'details';
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const select = (next: Tab) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        copy.set('tab', next);
        return copy;
      },
      { replace: true },
    );

  const onKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + TABS.length) % TABS.length;
    select(TABS[next]!);
    tabRefs.current[next]?.focus();
  };

  if (contest.isPending) return <LoadingState label={t('contests.loading')} />;
  if (contest.isError) {
    return (
      <div className="contests-page">
        <Link to={listHref} className="contests-page__back">
          ← {t('contests.back')}
        </Link>
        {isApiError(contest.error, 'CONTEST_NOT_FOUND') ? (
          <ErrorState message={t('contests.notFound')} />
        ) : (
          <ErrorState
            message={t('contests.loadFailed')}
            detail={errorMessage(contest.error, t)}
            action={
              <button type="button" className="button" onClick={() => void contest.refetch()}>
                {t('app.retry')}
              </button>
            }
          />
        )}
      </div>
    );
  }

  const data = contest.data;
  return (
    <div className="contests-page" data-testid="contest-page">
      <Link to={listHref} className="contests-page__back">
        ← {t('contests.back')}
      </Link>
      <header className="contests-page__header">
        <div>
          <h1 className="contests-page__title">{data.title}</h1>
          <p className="contests-page__intro">
            <ContestStatusBadge contest={data} />{' '}
            {t('contests.period', {
              start: formatWhen(data.entriesFrom, intlLocale, workspace.timeZone),
              end: formatWhen(data.entriesUntil, intlLocale, workspace.timeZone),
            })}{' '}
            · {t('contests.entriesCount', { count: data.counts.entries })}
          </p>
          {data.campaignId && campaignLink && <p>{campaignLink(data.campaignId)}</p>}
        </div>
      </header>

      <div className="segmented contest-tabs" role="tablist" aria-label={t('contests.tabs')}>
        {TABS.map((name, index) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${name}`}
            aria-controls={`${baseId}-panel`}
            aria-selected={tab === name}
            tabIndex={tab === name ? 0 : -1}
            className="segmented__item"
            onClick={() => select(name)}
            onKeyDown={(e) => onKey(e, index)}
          >
            {t(`contests.tab.${name}`)}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`}>
        {tab === 'details' && <DetailsPanel workspace={workspace} contest={data} />}
        {tab === 'rules' && <RulesPanel workspace={workspace} contest={data} />}
        {tab === 'entries' && <EntriesPanel workspace={workspace} contest={data} />}
        {tab === 'draw' && <DrawPanel workspace={workspace} contest={data} postHref={postHref} />}
      </div>
    </div>
  );
}

function DetailsPanel({
  workspace,
  contest,
}: {
  workspace: WorkspaceMembership;
  contest: Contest;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const update = useUpdateContest(workspace.slug, contest.id);
  const readOnly = !canEditContests(workspace.role) || contest.status !== 'open';
  const posts = useQueries({
    queries: contest.postIds.map((id) => ({
      queryKey: queryKeys.post(workspace.slug, id),
      queryFn: () => api.post(workspace.slug, id),
    })),
  });
  const loaded = posts.every((p) => !p.isPending);
  const linkedPosts = posts.flatMap((p) =>
    p.data ? [{ id: p.data.id, title: p.data.title || p.data.text.slice(0, 60) }] : [],
  );
  return (
    <section className="contests-card">
      {contest.status !== 'open' && <p className="alert alert--warning">{t('contests.fixed')}</p>}
      <ContestForm
        // A new version from the server (saved here or elsewhere) starts the form afresh.
        key={`${contest.version}-${loaded}`}
        workspace={workspace}
        linkedPosts={linkedPosts}
        initial={contestToForm(contest, workspace.timeZone)}
        submitLabel={t('contests.form.save')}
        submitting={update.isPending}
        serverError={update.error}
        readOnly={readOnly}
        onSubmit={(values) => {
          const body = toContestRequest(values, workspace.timeZone);
          update.mutate(
            { version: contest.version, body },
            { onSuccess: () => toast.show({ tone: 'success', message: t('contests.saved') }) },
          );
        }}
      />
    </section>
  );
}
