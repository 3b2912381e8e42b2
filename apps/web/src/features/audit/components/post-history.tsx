import type { WorkspaceMembership } from '@postplan/contracts';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePostHistory } from '../api/use-audit';
import type { DescribeContext } from '../utils/describe-entry';
import { AuditTimeline } from './audit-timeline';
import './audit.css';

type PostHistoryProps = {
  workspace: WorkspaceMembership;
  postId: string;
  nameOf: DescribeContext['nameOf'];
  levelName: DescribeContext['levelName'];
  channelName?: DescribeContext['channelName'];
};

/** Everything that happened to one post, read from the audit log, in the workspace's zone. */
export function PostHistory({
  workspace,
  postId,
  nameOf,
  levelName,
  channelName,
}: PostHistoryProps) {
  const { t, intlLocale } = useI18n();
  const history = usePostHistory(workspace.slug, postId);
  const format = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: workspace.timeZone,
  });

  if (history.isPending) return <LoadingState label={t('history.loading')} />;
  if (history.isError) {
    return (
      <ErrorState
        message={t('history.loadFailed')}
        detail={errorMessage(history.error, t)}
        action={
          <button
            type="button"
            className="button button--small"
            onClick={() => void history.refetch()}
          >
            {t('app.retry')}
          </button>
        }
      />
    );
  }
  if (history.data.items.length === 0) return <EmptyState message={t('history.empty')} />;
  return (
    <AuditTimeline
      entries={history.data.items}
      label={t('history.label')}
      context={{
        nameOf,
        levelName,
        when: (iso) => format.format(new Date(iso)),
        ...(channelName ? { channelName } : {}),
      }}
    />
  );
}
