import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { CALENDAR_VIEWS, type CalendarView } from '../utils/calendar-views';

type CalendarToolbarProps = {
  title: string;
  view: CalendarView;
  timeZone: string;
  busy: boolean;
  canCreate: boolean;
  onPrev: () => void;
  onNext: () => void;
  onToday: () => void;
  onView: (view: CalendarView) => void;
  onNewPost: () => void;
  /** More actions beside the view switch (the export menu). */
  extra?: ReactNode;
};

export function CalendarToolbar(props: CalendarToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="calendar-toolbar">
      <div className="calendar-toolbar__nav">
        <button type="button" className="button" onClick={props.onToday}>
          {t('calendar.today')}
        </button>
        <div className="button-group">
          <button
            type="button"
            className="button button--icon"
            onClick={props.onPrev}
            aria-label={t('calendar.previous')}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <button
            type="button"
            className="button button--icon"
            onClick={props.onNext}
            aria-label={t('calendar.next')}
          >
            <span aria-hidden="true">›</span>
          </button>
        </div>
        <h2 className="calendar-toolbar__title" aria-live="polite" data-testid="calendar-title">
          {props.title}
        </h2>
        {props.busy && (
          <span className="spinner__circle spinner__circle--small" aria-hidden="true" />
        )}
      </div>
      <div className="calendar-toolbar__actions">
        <span className="calendar-toolbar__zone" title={props.timeZone}>
          {t('calendar.timeZoneNote', { zone: props.timeZone.replaceAll('_', ' ') })}
        </span>
        <div className="segmented" role="group" aria-label={t('calendar.view')}>
          {CALENDAR_VIEWS.map((view) => (
            <button
              key={view}
              type="button"
              className="segmented__item"
              aria-pressed={props.view === view}
              onClick={() => props.onView(view)}
            >
              {t(`calendar.view.${view}`)}
            </button>
          ))}
        </div>
        {props.extra}
        {props.canCreate && (
          <button
            type="button"
            className="button button--primary"
            onClick={props.onNewPost}
            data-testid="new-post"
          >
            <span aria-hidden="true">+</span> {t('calendar.newPost')}
          </button>
        )}
      </div>
    </div>
  );
}
