import type { Channel, WorkspaceMembership } from '@postplan/contracts';
import { useId, useMemo, useState } from 'react';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePostDiff, useRevisions } from '../api/use-post-review';
import {
  defaultRange,
  diffQuery,
  DIFF_MODES,
  isDiffMode,
  type DiffMode,
} from '../utils/diff-modes';
import { formatWhen } from '../utils/format';
import { ContentDiffView } from './content-diff';

type DiffPanelProps = {
  workspace: WorkspaceMembership;
  postId: string;
  channels: readonly Channel[];
  initialMode?: DiffMode;
};

/** What changed: since a point in the review history, or between any two revisions. */
export function DiffPanel({
  workspace,
  postId,
  channels,
  initialMode = 'my_last_review',
}: DiffPanelProps) {
  const { t, intlLocale } = useI18n();
  const id = useId();
  const ws = workspace.slug;
  const [mode, setMode] = useState<DiffMode>(initialMode);
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const revisions = useRevisions(ws, postId, mode === 'revisions');
  const items = revisions.data?.items;
  const numbers = useMemo(() => (items ?? []).map((r) => r.number), [items]);
  const effectiveRange = range ?? (items && items.length > 0 ? defaultRange(numbers) : null);
  const query = diffQuery(mode, effectiveRange);
  const diff = usePostDiff(ws, postId, query);
  const when = (iso: string) => formatWhen(iso, intlLocale, workspace.timeZone);
  const channelName = (channelId: string) =>
    channels.find((c) => c.id === channelId)?.name ?? channelId;

  const revisionLabel = (n: number) => {
    const r = items?.find((x) => x.number === n);
    if (!r) return t('diff.revision.empty');
    return t('diff.revision', {
      number: r.number,
      author: r.authorName ?? t('diff.revision.unknownAuthor'),
      when: when(r.createdAt),
    });
  };

  return (
    <div className="diff-panel" data-testid="diff-panel">
      <div className="diff-panel__controls">
        <div className="field">
          <label htmlFor={`${id}-mode`} className="field__label">
            {t('diff.compare')}
          </label>
          <select
            id={`${id}-mode`}
            value={mode}
            onChange={(e) => {
              if (isDiffMode(e.target.value)) setMode(e.target.value);
            }}
            data-testid="diff-mode"
          >
            {DIFF_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`diff.mode.${m}`)}
              </option>
            ))}
          </select>
        </div>
        {mode === 'revisions' && items && effectiveRange && (
          <div className="diff-panel__range">
            <div className="field">
              <label htmlFor={`${id}-from`} className="field__label">
                {t('diff.from')}
              </label>
              <select
                id={`${id}-from`}
                value={effectiveRange.from}
                onChange={(e) => setRange({ ...effectiveRange, from: Number(e.target.value) })}
                data-testid="diff-from"
              >
                <option value={0}>{t('diff.revision.empty')}</option>
                {[...items].reverse().map((r) => (
                  <option key={r.id} value={r.number}>
                    {revisionLabel(r.number)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`} className="field__label">
                {t('diff.to')}
              </label>
              <select
                id={`${id}-to`}
                value={effectiveRange.to}
                onChange={(e) => setRange({ ...effectiveRange, to: Number(e.target.value) })}
                data-testid="diff-to"
              >
                {[...items].reverse().map((r) => (
                  <option key={r.id} value={r.number}>
                    {revisionLabel(r.number)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
      </div>

      {mode === 'revisions' && revisions.isPending && <LoadingState label={t('diff.loading')} />}
      {mode === 'revisions' && revisions.isError && (
        <ErrorState message={t('diff.loadFailed')} detail={errorMessage(revisions.error, t)} />
      )}
      {query && diff.isPending && <LoadingState label={t('diff.loading')} />}
      {diff.isError && (
        <ErrorState message={t('diff.loadFailed')} detail={errorMessage(diff.error, t)} />
      )}
      {diff.data && (
        <div aria-live="polite">
          {(diff.data.from || mode !== 'revisions') && (
            <p className="diff-panel__baseline" data-testid="diff-baseline">
              {diff.data.from
                ? t('diff.baseline', {
                    from: diff.data.from.number,
                    fromWhen: when(diff.data.from.createdAt),
                    to: diff.data.to.number,
                    toWhen: when(diff.data.to.createdAt),
                  })
                : t('diff.noBaseline')}
            </p>
          )}
          <ContentDiffView diff={diff.data.diff} channelName={channelName} />
        </div>
      )}
    </div>
  );
}
