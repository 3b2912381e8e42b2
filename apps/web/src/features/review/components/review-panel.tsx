import type { Channel, Post, WorkspaceMembership } from '@postplan/contracts';
import { useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useMembers } from '../../../lib/api/queries';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePostDetail } from '../api/use-post-review';
import { namesFrom } from '../utils/people';
import { ApprovalPanel } from './approval-panel';
import { DiffPanel } from './diff-panel';
import './review.css';

const TABS = ['approval', 'changes', 'history'] as const;
type Tab = (typeof TABS)[number];

export type ReviewPanelProps = {
  workspace: WorkspaceMembership;
  userId: string;
  /** The post as the editor shows it (its version is what actions are based on). */
  post: Post;
  channels: readonly Channel[];
  /** The editor holds changes that are not saved yet. */
  unsaved?: boolean;
  /** A transition changed status and version (never the content). */
  onTransition?: (post: Post) => void;
  /** The server has a newer version than the editor shows: load it there. */
  onOutdated?: (current: Post) => void;
  /** The post's history tab, from the audit feature; gets the names this panel knows. */
  renderHistory?: (names: ReviewNames) => ReactNode;
};

/** How the history names people and approval levels, as the review round knows them. */
export type ReviewNames = {
  nameOf: (userId: string) => string | null;
  levelName: (round: number, index: number) => string | null;
};

/**
 * The review side of the editor: approval state and decisions, what changed, and the history.
 * Tabs follow the WAI-ARIA pattern: arrow keys move between them, Tab goes into the panel.
 */
export function ReviewPanel({
  workspace,
  userId,
  post,
  channels,
  unsaved,
  onTransition,
  onOutdated,
  renderHistory,
}: ReviewPanelProps) {
  const { t } = useI18n();
  const id = useId();
  const [tab, setTab] = useState<Tab>('approval');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({
    approval: null,
    changes: null,
    history: null,
  });
  const detail = usePostDetail(workspace.slug, post.id);
  const members = useMembers(workspace.slug, true);
  const round = detail.data?.review.round ?? null;
  const nameOf = useMemo(() => namesFrom(members.data?.items, round), [members.data, round]);
  // Decisions name their level in the log. Older records without the name fall back to the
  // current round's levels (the earlier rounds are not sent).
  const levelName = (_round: number, index: number): string | null =>
    round?.policyKind === 'levels' ? (round.levels[index]?.name ?? null) : null;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index + TABS.length - 1) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <section className="review-panel" aria-labelledby={`${id}-title`} data-testid="review-panel">
      <h3 id={`${id}-title`} className="review-panel__title">
        {t('review.section')}
      </h3>
      <div role="tablist" aria-labelledby={`${id}-title`} className="review-panel__tabs">
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="review-panel__tab"
            onClick={() => setTab(name)}
            onKeyDown={onKeyDown}
          >
            {t(`review.tab.${name}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-${tab}`}
        aria-labelledby={`${id}-tab-${tab}`}
        className="review-panel__body"
      >
        {tab === 'approval' &&
          (detail.isPending ? (
            <LoadingState label={t('review.loading')} />
          ) : detail.isError ? (
            <ErrorState
              message={t('review.loadFailed')}
              detail={errorMessage(detail.error, t)}
              action={
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void detail.refetch()}
                >
                  {t('app.retry')}
                </button>
              }
            />
          ) : (
            <ApprovalPanel
              workspace={workspace}
              userId={userId}
              post={post}
              detail={detail.data}
              members={members.data?.items}
              unsaved={unsaved}
              onTransition={onTransition}
              onOutdated={onOutdated}
              onRefresh={async () => (await detail.refetch()).data}
            />
          ))}
        {tab === 'changes' && (
          <DiffPanel workspace={workspace} postId={post.id} channels={channels} />
        )}
        {tab === 'history' && renderHistory?.({ nameOf, levelName })}
      </div>
    </section>
  );
}
