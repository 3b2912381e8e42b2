import type { Post, PostStatus, WorkspaceMembership } from '@postplan/contracts';
import type { CalendarRef } from '@fullcalendar/react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/ui/states';
import { useCampaigns, useChannels, useMembers } from '../../../lib/api/queries';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canCreatePosts, canEditPost, canListMembers } from '../../../lib/permissions';
import { useHolidays } from '../api/use-holidays';
import { useIdeas, useRangePosts } from '../api/use-calendar-posts';
import { usePostDrop } from '../api/use-post-drop';
import {
  dateFromParam,
  FULLCALENDAR_VIEW,
  viewFromParam,
  type CalendarView,
} from '../utils/calendar-views';
import { yearsInRange } from '../utils/holidays';
import { distinctChannelColors } from '../utils/channel-display';
import {
  countActiveFilters,
  filtersFromSearchParams,
  isSearch,
  withFilters,
  type PostFilters,
  type VisibleRange,
} from '../utils/post-filters';
import { CalendarToolbar } from './calendar-toolbar';
import { ChannelLegend } from './channel-icons';
import { ExportMenu } from './export-menu';
import { FilterBar } from './filter-bar';
import { IdeasSidebar } from './ideas-sidebar';
import { PostCalendar, type DatesChange, type LocalSlot } from './post-calendar';

export type CreateRequest = { slot: LocalSlot | null; status: PostStatus };

type CalendarPageProps = {
  workspace: WorkspaceMembership;
  userId: string;
  onCreate: (request: CreateRequest) => void;
  onOpenPost: (post: Post) => void;
  /** More on each post's calendar event, from features the app composes with the calendar. */
  renderPostExtra?: (post: Post) => ReactNode;
};

/** Below this width a month grid cannot show a post readably: phones get the month as a list. */
const PHONE_QUERY = '(max-width: 599px)';

function usePhone(): boolean {
  const [phone, setPhone] = useState(
    () => typeof window !== 'undefined' && !!window.matchMedia?.(PHONE_QUERY).matches,
  );
  useEffect(() => {
    const media = window.matchMedia?.(PHONE_QUERY);
    if (!media) return;
    const update = () => setPhone(media.matches);
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return phone;
}

/** The view to show: on a phone the month is a list of its days. */
export function viewForScreen(view: CalendarView, phone: boolean): CalendarView {
  return phone && view === 'month' ? 'list' : view;
}

export function CalendarPage({
  workspace,
  userId,
  onCreate,
  onOpenPost,
  renderPostExtra,
}: CalendarPageProps) {
  const { t, locale } = useI18n();
  const ws = workspace.slug;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(params), [params]);
  const phone = usePhone();
  const [initial] = useState(() => ({
    view: viewForScreen(viewFromParam(params.get('view')), phone),
    date: dateFromParam(params.get('date')),
  }));
  const [view, setView] = useState<CalendarView>(initial.view);
  const [range, setRange] = useState<VisibleRange | null>(null);
  const [title, setTitle] = useState('');
  const calendarRef = useRef<CalendarRef>(null);

  const canCreate = canCreatePosts(workspace.role);
  const canEdit = useCallback(
    (post: Post) => canEditPost(workspace.role, post, userId),
    [workspace.role, userId],
  );

  const { channels, channelsById } = useChannels(ws);
  const channelColors = useMemo(() => distinctChannelColors(channels), [channels]);
  const members = useMembers(ws, canListMembers(workspace.role));
  const { campaigns } = useCampaigns(ws);
  const posts = useRangePosts(ws, range, filters);
  const ideas = useIdeas(ws, filters);
  const years = useMemo(() => (range ? yearsInRange(range.start, range.end) : []), [range]);
  const holidays = useHolidays(workspace.holidayCountry, workspace.holidayRegion, years, locale);
  const onDrop = usePostDrop(workspace, canEdit);

  const onDatesChange = useCallback(
    (change: DatesChange) => {
      setView(change.view);
      setTitle(change.title);
      setRange((current) =>
        current && current.start === change.start && current.end === change.end
          ? current
          : { start: change.start, end: change.end },
      );
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('view', change.view);
          next.set('date', change.currentDate);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setFilters = (next: PostFilters) => setParams((current) => withFilters(current, next));

  const api = () => calendarRef.current?.getApi();

  // Turning a tablet or narrowing the window into phone size leaves the month grid.
  useEffect(() => {
    if (phone && view === 'month') calendarRef.current?.getApi().changeView(FULLCALENDAR_VIEW.list);
  }, [phone, view]);

  const postItems = posts.data?.items ?? [];
  const scheduledCount = postItems.filter((p) => p.plannedAt).length;
  const showEmpty =
    posts.isSuccess &&
    !posts.isPlaceholderData &&
    scheduledCount === 0 &&
    view !== 'list' &&
    !isSearch(filters.q);

  return (
    <div className="calendar-page">
      <section className="calendar-page__main" aria-labelledby="calendar-heading">
        <h1 id="calendar-heading" className="visually-hidden">
          {t('calendar.title')}
        </h1>
        <CalendarToolbar
          title={title}
          view={view}
          timeZone={workspace.timeZone}
          busy={posts.isFetching}
          canCreate={canCreate}
          onPrev={() => api()?.prev()}
          onNext={() => api()?.next()}
          onToday={() => api()?.today()}
          onView={(next) => api()?.changeView(FULLCALENDAR_VIEW[viewForScreen(next, phone)])}
          onNewPost={() => onCreate({ slot: null, status: 'draft' })}
          extra={
            <ExportMenu workspace={ws} range={range} filters={filters} canImport={canCreate} />
          }
        />
        <FilterBar
          filters={filters}
          onChange={setFilters}
          channels={channels}
          members={members.data?.items ?? null}
          campaigns={campaigns}
          userId={userId}
        />
        <ChannelLegend channels={channels} colors={channelColors} />
        {isSearch(filters.q) && posts.isSuccess && (
          <p className="calendar-page__search" role="status" data-testid="search-results">
            {t('calendar.searchResults', { count: scheduledCount, q: filters.q })}
          </p>
        )}
        {!canCreate && (
          <p className="notice" data-testid="read-only-notice">
            {t('calendar.readOnly')}
          </p>
        )}
        {posts.isError && (
          <ErrorState
            message={t('calendar.loadFailed')}
            detail={errorMessage(posts.error, t)}
            action={
              <button
                type="button"
                className="button button--small"
                onClick={() => void posts.refetch()}
              >
                {t('app.retry')}
              </button>
            }
          />
        )}
        {showEmpty && (
          <p className="calendar-page__empty" data-testid="calendar-empty">
            {countActiveFilters(filters) > 0 ? t('calendar.emptyFiltered') : t('calendar.empty')}
          </p>
        )}
        <PostCalendar
          ref={calendarRef}
          workspace={workspace}
          posts={postItems}
          holidays={holidays.data ?? []}
          campaigns={posts.data?.campaigns ?? []}
          channelsById={channelsById}
          channelColors={channelColors}
          initialView={initial.view}
          view={view}
          initialDate={initial.date}
          canCreate={canCreate}
          canEdit={canEdit}
          onDatesChange={onDatesChange}
          onSlotClick={(slot) => onCreate({ slot, status: 'draft' })}
          onPostClick={onOpenPost}
          onPostDrop={onDrop}
          renderPostExtra={renderPostExtra}
        />
      </section>
      <IdeasSidebar
        posts={ideas.data?.items}
        isLoading={ideas.isLoading}
        error={ideas.error}
        onRetry={() => void ideas.refetch()}
        channelsById={channelsById}
        canCreate={canCreate}
        onNewIdea={() => onCreate({ slot: null, status: 'idea' })}
        onOpen={onOpenPost}
      />
    </div>
  );
}
