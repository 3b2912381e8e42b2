import type { Contest, WorkspaceMembership } from '@postplan/contracts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useContests, useCreateContest } from '../api/use-contests';
import { emptyContestForm, toContestRequest } from '../utils/contest-form';
import { canEditContests, formatWhen } from '../utils/contest-view';
import { ContestForm } from './contest-form';
import { ContestStatusBadge } from './contest-status-badge';
import '../contests.css';

type Props = {
  workspace: WorkspaceMembership;
  /** Only this campaign's contests, and new ones belong to it. */
  campaignId?: string;
  /** Where a contest opens (the app decides the address). */
  contestHref: (id: string) => string;
  /** Start with the form open (the campaign page's "New contest"). */
  startCreating?: boolean;
};

/** The workspace's contests (or one campaign's), newest first, and a form for a new one. */
export function ContestsPage({ workspace, campaignId, contestHref, startCreating = false }: Props) {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const navigate = useNavigate();
  const contests = useContests(workspace.slug, campaignId);
  const create = useCreateContest(workspace.slug);
  const editable = canEditContests(workspace.role);
  const [creating, setCreating] = useState(startCreating && editable);

  return (
    <div className="contests-page" data-testid="contests-page">
      <header className="contests-page__header">
        <div>
          <h1 className="contests-page__title">{t('contests.title')}</h1>
          <p className="contests-page__intro">{t('contests.intro')}</p>
        </div>
        {editable && !creating && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
          >
            {t('contests.new')}
          </button>
        )}
      </header>
      {!editable && <p className="alert alert--warning">{t('contests.readOnly')}</p>}

      {creating && (
        <section className="contests-card" aria-labelledby="contest-new-title">
          <h2 id="contest-new-title" className="contests-card__title">
            {t('contests.new')}
          </h2>
          <ContestForm
            workspace={workspace}
            initial={emptyContestForm(campaignId)}
            campaignFixed={campaignId !== undefined}
            submitLabel={t('contests.form.create')}
            submitting={create.isPending}
            serverError={create.error}
            onCancel={() => setCreating(false)}
            onSubmit={(values) =>
              create.mutate(toContestRequest(values, workspace.timeZone), {
                onSuccess: (contest) => {
                  toast.show({
                    tone: 'success',
                    message: t('contests.created', { title: contest.title }),
                  });
                  void navigate(`${contestHref(contest.id)}?tab=rules`);
                },
              })
            }
          />
        </section>
      )}

      {contests.isPending && <LoadingState label={t('contests.loading')} />}
      {contests.isError && (
        <ErrorState
          message={t('contests.loadFailed')}
          detail={errorMessage(contests.error, t)}
          action={
            <button type="button" className="button" onClick={() => void contests.refetch()}>
              {t('app.retry')}
            </button>
          }
        />
      )}
      {contests.isSuccess && contests.data.items.length === 0 && !creating && (
        <EmptyState message={t('contests.empty')} />
      )}
      {contests.isSuccess && contests.data.items.length > 0 && (
        <div className="contests-table__scroll">
          <table className="contests-table contests-table--wide" data-testid="contests-table">
            <thead>
              <tr>
                <th scope="col">{t('contests.col.title')}</th>
                <th scope="col">{t('contests.col.period')}</th>
                <th scope="col">{t('contests.col.status')}</th>
                <th scope="col">{t('contests.col.entries')}</th>
              </tr>
            </thead>
            <tbody>
              {contests.data.items.map((contest: Contest) => (
                <tr key={contest.id}>
                  <th scope="row">
                    <Link to={contestHref(contest.id)}>{contest.title}</Link>
                  </th>
                  <td>
                    {t('contests.period', {
                      start: formatWhen(contest.entriesFrom, intlLocale, workspace.timeZone),
                      end: formatWhen(contest.entriesUntil, intlLocale, workspace.timeZone),
                    })}
                  </td>
                  <td>
                    <ContestStatusBadge contest={contest} />
                  </td>
                  <td>{t('contests.entriesCount', { count: contest.counts.entries })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
