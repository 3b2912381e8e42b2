import type { DuePost, Pause, WorkspaceMembership } from '@postplan/contracts';
import { useState } from 'react';
import { useToast } from '../../../components/ui/toast';
import { useChannels } from '../../../lib/api/queries';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useDuePosts, usePauseState } from '../api/use-crisis';
import { canDecideDuePosts, canPause } from '../utils/crisis-rules';
import { DuePostsDialog } from './due-posts-dialog';
import { ResumeDialog } from './resume-dialog';
import '../crisis.css';

type Dialog = { kind: 'resume'; pause: Pause } | { kind: 'due'; posts: DuePost[] | null } | null;

/**
 * Shown on every page of a workspace while publishing is paused: what is paused, by whom, since
 * when and why. Owners and admins resume from here; editors decide about posts that came due.
 */
export function CrisisBanner({ workspace }: { workspace: WorkspaceMembership }) {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const state = usePauseState(workspace.slug);
  const { channelsById } = useChannels(workspace.slug);
  const [dialog, setDialog] = useState<Dialog>(null);
  const mayDecide = canDecideDuePosts(workspace.role);
  const due = useDuePosts(workspace.slug, dialog?.kind === 'due' && dialog.posts === null);

  const data = state.data;
  const pauses = data ? [...(data.workspace ? [data.workspace] : []), ...data.channels] : [];
  const waiting = mayDecide ? (data?.duePostCount ?? 0) : 0;
  const since = new Intl.DateTimeFormat(intlLocale, {
    timeZone: workspace.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  return (
    <>
      {(pauses.length > 0 || waiting > 0) && (
        <section
          className="crisis-banner"
          aria-label={t('crisis.banner.region')}
          data-testid="crisis-banner"
        >
          {pauses.map((p) => (
            <div key={p.id} className="crisis-banner__pause" role="status">
              <div className="crisis-banner__text">
                <p className="crisis-banner__title">
                  {p.channel
                    ? t('crisis.banner.channelPaused', { channel: p.channel.name })
                    : t('crisis.banner.workspacePaused')}
                </p>
                <p className="crisis-banner__meta">
                  {t('crisis.banner.pausedBy', {
                    name: p.pausedBy?.name ?? t('notifications.someone'),
                    since: since.format(new Date(p.pausedAt)),
                  })}
                </p>
                <p className="crisis-banner__reason">
                  <span className="crisis-banner__label">{t('crisis.banner.reason')}:</span>{' '}
                  {p.reason}
                </p>
              </div>
              {canPause(workspace.role) && (
                <button
                  type="button"
                  className="button"
                  onClick={() => setDialog({ kind: 'resume', pause: p })}
                >
                  {p.channel
                    ? t('crisis.banner.resumeChannel', { channel: p.channel.name })
                    : t('crisis.banner.resume')}
                </button>
              )}
            </div>
          ))}
          {waiting > 0 && (
            <div className="crisis-banner__due" role="status">
              <p>{t('crisis.banner.duePosts', { count: waiting })}</p>
              <button
                type="button"
                className="button button--small"
                onClick={() => setDialog({ kind: 'due', posts: null })}
              >
                {t('crisis.banner.decide')}
              </button>
            </div>
          )}
        </section>
      )}
      {dialog?.kind === 'resume' && (
        <ResumeDialog
          workspace={workspace}
          pause={dialog.pause}
          onClose={() => setDialog(null)}
          onResumed={(result) => {
            toast.show({ tone: 'success', message: t('crisis.resume.done') });
            setDialog(
              result.duePosts.length > 0 && mayDecide
                ? { kind: 'due', posts: result.duePosts }
                : null,
            );
          }}
        />
      )}
      {dialog?.kind === 'due' && (dialog.posts ?? due.data?.items) && (
        <DuePostsDialog
          workspace={workspace}
          posts={(dialog.posts ?? due.data?.items)!}
          channelsById={channelsById}
          onClose={() => setDialog(null)}
          onStale={() => {
            setDialog(null);
            void state.refetch();
          }}
        />
      )}
    </>
  );
}
