export const CALENDAR_VIEWS = ['month', 'week', 'day', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export const FULLCALENDAR_VIEW: Record<CalendarView, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  day: 'timeGridDay',
  list: 'listMonth',
};

export function viewFromParam(value: string | null): CalendarView {
  return CALENDAR_VIEWS.find((v) => v === value) ?? 'month';
}

export function viewFromFullCalendar(type: string): CalendarView {
  return CALENDAR_VIEWS.find((v) => FULLCALENDAR_VIEW[v] === type) ?? 'month';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day from the URL (?date=2026-11-01), or undefined so the calendar opens on today. */
export function dateFromParam(value: string | null): string | undefined {
  return value && DAY.test(value) ? value : undefined;
}
