import type { Channel, Post, ReviewQueueItem, WorkspaceMembership } from '@postplan/contracts';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { isKnownErrorCode } from '../../../lib/api/api-error';
import { ERROR_MESSAGE_KEYS, errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useBulkApprove, useReviewQueue } from '../api/use-review-queue';
import { formatWhen } from '../utils/format';
import {
  bulkPayload,
  keepSelectable,
  selectableIds,
  visibleItems,
  type QueueTab,
} from '../utils/queue';
import './review.css';

type ReviewQueuePageProps = {
  workspace: WorkspaceMembership;
  channels: readonly Channel[];
  onOpenPost: (post: Post) => void;
};

type Result = { id: string; title: string; ok: boolean; reason: string | null };

const TABS: readonly QueueTab[] = ['mine', 'all'];

/** Posts in review: those waiting for the caller first, with bulk approval of several at once. */
export function ReviewQueuePage({ workspace, channels, onOpenPost }: ReviewQueuePageProps) {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const id = useId();
  const queue = useReviewQueue(workspace.slug);
  const bulk = useBulkApprove(workspace.slug);
  const [tab, setTab] = useState<QueueTab>('mine');
  const [selectedRaw, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [results, setResults] = useState<Result[] | null>(null);
  const tabRefs = useRef<Record<QueueTab, HTMLButtonElement | null>>({ mine: null, all: null });

  const all = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const selected = useMemo(() => keepSelectable(selectedRaw, all), [selectedRaw, all]);
  const items = visibleItems(all, tab);
  const selectable = selectableIds(items);
  const mineCount = all.filter((i) => i.mine).length;
  const allSelected = selectable.length > 0 && selectable.every((s) => selected.has(s));
  const channelsById = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);
  const when = (iso: string) => formatWhen(iso, intlLocale, workspace.timeZone);
  const titleOf = (post: Post) =>
    post.title.trim() || post.text.trim().split('\n')[0]?.slice(0, 60) || t('calendar.untitled');

  const toggle = (postId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(postId);
      else next.delete(postId);
      return next;
    });

  const approveSelected = () => {
    const posts = bulkPayload(all, selected);
    if (posts.length === 0) return;
    const titles = new Map(all.map((i) => [i.post.id, titleOf(i.post)]));
    setResults(null);
    bulk.mutate(
      { posts, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: ({ results: answer }) => {
          setResults(
            answer.map((r) => ({
              id: r.id,
              title: titles.get(r.id) ?? r.id,
              ok: r.ok,
              reason: r.error
                ? isKnownErrorCode(r.error.code)
                  ? t(ERROR_MESSAGE_KEYS[r.error.code])
                  : r.error.message
                : null,
            })),
          );
          setSelected(new Set());
          setNote('');
        },
        onError: (error) => toast.show({ tone: 'error', message: errorMessage(error, t) }),
      },
    );
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const next: QueueTab =
      event.key === 'Home' ? 'mine' : event.key === 'End' ? 'all' : tab === 'mine' ? 'all' : 'mine';
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  const levelLabel = (item: ReviewQueueItem) => {
    if (!item.level) return '–';
    const name =
      item.level.index === 0 && item.level.name === 'approval'
        ? t('review.level.approval')
        : item.level.name;
    return item.level.client ? t('queue.levelClient', { name }) : name;
  };

  const okCount = results?.filter((r) => r.ok).length ?? 0;

  return (
    <div className="review-page" data-testid="review-queue">
      <header className="review-page__header">
        <h1 className="review-page__title">{t('queue.title')}</h1>
        <p className="review-page__intro">{t('queue.intro')}</p>
      </header>

      {results && (
        <section
          className="review-page__card review-results"
          aria-labelledby={`${id}-results`}
          role="status"
          data-testid="bulk-results"
        >
          <h2 id={`${id}-results`} className="approval-panel__subtitle">
            {t('queue.results.title')}
          </h2>
          <p>{t('queue.results.summary', { ok: okCount, failed: results.length - okCount })}</p>
          <ul>
            {results.map((r) => (
              <li
                key={r.id}
                className={r.ok ? 'review-results__ok' : 'review-results__failed'}
                data-testid="bulk-result"
              >
                <strong>{r.title}</strong>:{' '}
                {r.ok ? t('queue.result.ok') : t('queue.result.failed', { reason: r.reason ?? '' })}
              </li>
            ))}
          </ul>
          <div>
            <button type="button" className="button button--small" onClick={() => setResults(null)}>
              {t('queue.results.dismiss')}
            </button>
          </div>
        </section>
      )}

      <div className="review-page__card">
        <div role="tablist" aria-label={t('queue.tabs')} className="segmented">
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
              aria-controls={`${id}-panel`}
              tabIndex={tab === name ? 0 : -1}
              className="segmented__item"
              onClick={() => setTab(name)}
              onKeyDown={onTabKey}
            >
              {name === 'mine'
                ? t('queue.tab.mine', { count: mineCount })
                : t('queue.tab.all', { count: all.length })}
            </button>
          ))}
        </div>

        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`}>
          {queue.isPending ? (
            <LoadingState label={t('queue.loading')} />
          ) : queue.isError ? (
            <ErrorState
              message={t('queue.loadFailed')}
              detail={errorMessage(queue.error, t)}
              action={
                <button type="button" className="button" onClick={() => void queue.refetch()}>
                  {t('app.retry')}
                </button>
              }
            />
          ) : items.length === 0 ? (
            <EmptyState message={tab === 'mine' ? t('queue.empty.mine') : t('queue.empty.all')} />
          ) : (
            <table className="review-table">
              <thead>
                <tr>
                  <th className="review-table__check" scope="col">
                    {selectable.length > 0 && (
                      <input
                        type="checkbox"
                        aria-label={t('queue.selectAll')}
                        checked={allSelected}
                        onChange={(e) =>
                          setSelected(e.target.checked ? new Set(selectable) : new Set())
                        }
                      />
                    )}
                  </th>
                  <th scope="col">{t('queue.col.post')}</th>
                  <th scope="col">{t('queue.col.channels')}</th>
                  <th scope="col">{t('queue.col.planned')}</th>
                  <th scope="col">{t('queue.col.level')}</th>
                  <th scope="col">{t('queue.col.waiting')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => {
                  const title = titleOf(item.post);
                  return (
                    <tr key={item.post.id} data-testid="queue-row" data-post-id={item.post.id}>
                      <td className="review-table__check">
                        {item.mine && (
                          <input
                            type="checkbox"
                            aria-label={t('queue.select', { title })}
                            checked={selected.has(item.post.id)}
                            onChange={(e) => toggle(item.post.id, e.target.checked)}
                          />
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="review-table__open"
                          onClick={() => onOpenPost(item.post)}
                        >
                          {title}
                        </button>
                      </td>
                      <td>
                        {item.post.variants.length === 0 ? (
                          t('queue.noChannels')
                        ) : (
                          <span className="review-table__channels">
                            {item.post.variants.map((v) => {
                              const channel = channelsById.get(v.channelId);
                              return (
                                <span key={v.channelId} className="review-table__channel">
                                  <span
                                    className="channel-dot"
                                    style={{ background: channel?.color }}
                                    aria-hidden="true"
                                  />
                                  {channel?.name ?? v.channelId}
                                </span>
                              );
                            })}
                          </span>
                        )}
                      </td>
                      <td>
                        {item.post.plannedAt ? (
                          <time dateTime={item.post.plannedAt}>{when(item.post.plannedAt)}</time>
                        ) : (
                          t('queue.unplanned')
                        )}
                      </td>
                      <td>{levelLabel(item)}</td>
                      <td>
                        <time dateTime={item.waitingSince}>{when(item.waitingSince)}</time>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>

        {selectable.length > 0 && (
          <div className="review-bulk">
            <div className="field">
              <label htmlFor={`${id}-note`} className="field__label">
                {t('queue.bulkNote')}
              </label>
              <input
                id={`${id}-note`}
                value={note}
                maxLength={2000}
                aria-describedby={`${id}-note-hint`}
                onChange={(e) => setNote(e.target.value)}
              />
              <p id={`${id}-note-hint`} className="field__hint">
                {t('queue.bulkHint')}
              </p>
            </div>
            <button
              type="button"
              className="button button--primary"
              disabled={selected.size === 0 || bulk.isPending}
              onClick={approveSelected}
              data-testid="bulk-approve"
            >
              {bulk.isPending
                ? t('queue.approving')
                : t('queue.approveSelected', { count: selected.size })}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
