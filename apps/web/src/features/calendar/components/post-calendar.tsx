import type { CalendarCampaign, Channel, Post, WorkspaceMembership } from '@postplan/contracts';
import { toLocal } from '@postplan/domain';
import {
  Calendar,
  type CalendarRef,
  type DateClickInfo,
  type DatesSetInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import deLocale from '@fullcalendar/react/locales/de';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import formaTheme from '@fullcalendar/react/themes/forma';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { useMemo, type ReactNode, type Ref } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import {
  FULLCALENDAR_VIEW,
  viewFromFullCalendar,
  type CalendarView,
} from '../utils/calendar-views';
import { campaignBands } from '../utils/campaign-bands';
import { holidayEvents, type HolidayEntry } from '../utils/holidays';
import { postToEvent } from '../utils/post-events';
import { ChannelIcons } from './channel-icons';
import { ListEventContent } from './list-event-content';
import { CampaignBandContent, HolidayContent, PostEventContent } from './post-event-content';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/forma/theme.css';
import '@fullcalendar/react/themes/forma/palettes/blue.css';

const plugins = [formaTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const locales = { de: deLocale, en: enGbLocale };

/** A point on the calendar as wall-clock time in the workspace zone. */
export type LocalSlot = { date: string; time: string };

export type DatesChange = {
  view: CalendarView;
  start: string;
  end: string;
  title: string;
  currentDate: string;
};

export type DropRequest = { post: Post; startStr: string; allDay: boolean; revert: () => void };

type PostCalendarProps = {
  ref: Ref<CalendarRef>;
  workspace: WorkspaceMembership;
  posts: readonly Post[];
  holidays: readonly HolidayEntry[];
  /** Campaigns to draw as bands over their periods; their posts carry the colour too. */
  campaigns: readonly CalendarCampaign[];
  channelsById: ReadonlyMap<string, Channel>;
  /** Display colours per channel, told apart (distinctChannelColors). */
  channelColors: ReadonlyMap<string, string>;
  initialView: CalendarView;
  /** The view on screen now (changes after initialView). */
  view: CalendarView;
  initialDate: string | undefined;
  canCreate: boolean;
  canEdit: (post: Post) => boolean;
  onDatesChange: (change: DatesChange) => void;
  onSlotClick: (slot: LocalSlot) => void;
  onPostClick: (post: Post) => void;
  onPostDrop: (drop: DropRequest) => void;
  /** More on each post's event, composed by the app (e.g. publishing status per channel). */
  renderPostExtra?: (post: Post) => ReactNode;
};

const DEFAULT_TIME = '09:00';

/** dateClick gives "2026-11-21" in month view and "2026-11-21T10:30:00+01:00" on a time grid. */
export function slotFromDateStr(dateStr: string): LocalSlot {
  const date = dateStr.slice(0, 10);
  const time = dateStr.length > 10 ? dateStr.slice(11, 16) : DEFAULT_TIME;
  return { date, time };
}

function isCampaign(value: unknown): value is CalendarCampaign {
  return typeof value === 'object' && value !== null && 'startsOn' in value && 'endsOn' in value;
}

function BackgroundContent({ arg }: { arg: EventDisplayInfo }) {
  const campaign: unknown = arg.event.extendedProps.campaign;
  if (isCampaign(campaign)) return <CampaignBandContent campaign={campaign} />;
  return <HolidayContent name={arg.event.title} />;
}

function isPost(value: unknown): value is Post {
  return typeof value === 'object' && value !== null && 'version' in value && 'plannedAt' in value;
}

export function PostCalendar({ ref, ...props }: PostCalendarProps) {
  const { t, locale } = useI18n();
  const { workspace, posts, holidays, campaigns, channelsById, canEdit, canCreate } = props;
  const campaignsById = useMemo(() => new Map(campaigns.map((c) => [c.id, c])), [campaigns]);
  const untitled = t('calendar.untitled');

  const colors = props.channelColors;
  const timeZone = workspace.timeZone;
  const events = useMemo(() => {
    const postEvents = posts.flatMap((post) => {
      const event = postToEvent(post, channelsById, {
        editable: canEdit(post),
        untitled,
        colors,
        timeZone,
      });
      return event ? [event] : [];
    });
    return [...holidayEvents(holidays), ...campaignBands(campaigns), ...postEvents];
  }, [posts, holidays, campaigns, channelsById, canEdit, untitled, colors, timeZone]);

  const onDatesSet = (info: DatesSetInfo) => {
    const local = toLocal(info.view.currentStart, workspace.timeZone);
    const currentDate = `${String(local.year).padStart(4, '0')}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
    props.onDatesChange({
      view: viewFromFullCalendar(info.view.type),
      start: info.startStr,
      end: info.endStr,
      title: info.view.title,
      currentDate,
    });
  };

  const onEventClick = (info: EventClickInfo) => {
    const post: unknown = info.event.extendedProps.post;
    if (!isPost(post)) return;
    info.jsEvent.preventDefault();
    props.onPostClick(post);
  };

  const onEventDrop = (info: EventDropInfo) => {
    const post: unknown = info.event.extendedProps.post;
    if (!isPost(post)) {
      info.revert();
      return;
    }
    props.onPostDrop({
      post,
      startStr: info.event.startStr,
      allDay: info.event.allDay,
      revert: info.revert,
    });
  };

  const onDateClick = (info: DateClickInfo) => {
    if (!canCreate) return;
    props.onSlotClick(slotFromDateStr(info.dateStr));
  };

  const renderEvent = (arg: EventDisplayInfo) => {
    const post: unknown = arg.event.extendedProps.post;
    if (arg.event.display === 'background' || !isPost(post)) return <BackgroundContent arg={arg} />;
    const campaign = post.campaignId ? campaignsById.get(post.campaignId) : undefined;
    if (arg.view.type.startsWith('list'))
      return (
        <ListEventContent
          post={post}
          title={arg.event.title}
          channelsById={channelsById}
          colors={colors}
          campaign={campaign}
        />
      );
    return (
      <PostEventContent
        post={post}
        title={arg.event.title}
        timeText={arg.timeText}
        draggable={arg.isDraggable}
        channels={<ChannelIcons post={post} channelsById={channelsById} colors={colors} />}
        extra={props.renderPostExtra?.(post)}
        campaign={campaign}
      />
    );
  };

  return (
    <div className="post-calendar" data-testid="calendar" data-time-zone={workspace.timeZone}>
      <Calendar
        ref={ref}
        plugins={plugins}
        locale={locales[locale]}
        timeZone={workspace.timeZone}
        initialView={FULLCALENDAR_VIEW[props.initialView]}
        initialDate={props.initialDate}
        headerToolbar={false}
        // Month and list grow with their content; time grids scroll inside a fixed frame
        // (opening at 08:00) instead of stretching over 24 hours.
        height={props.view === 'week' || props.view === 'day' ? 760 : 'auto'}
        events={events}
        editable={canCreate}
        eventDisplay="block"
        eventDurationEditable={false}
        selectable={false}
        dateClick={canCreate ? onDateClick : undefined}
        eventClick={onEventClick}
        eventDrop={onEventDrop}
        datesSet={onDatesSet}
        eventContent={renderEvent}
        backgroundEventContent={(arg: EventDisplayInfo) => <BackgroundContent arg={arg} />}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        defaultTimedEventDuration="01:00"
        allDaySlot={false}
        scrollTime="08:00:00"
        nowIndicator
        dayMaxEvents={4}
        navLinks
        fixedWeekCount={false}
        noEventsText={t('calendar.noEvents')}
        moreLinkText={(n: number) => t('calendar.more', { count: n })}
      />
    </div>
  );
}
