/** What FullCalendar tells us about a dropped event. */
export type DroppedEvent = { startStr: string; allDay: boolean };

export type MoveRequest =
  | { ok: true; version: number; body: { plannedAt: string } }
  | { ok: false; reason: 'all-day' | 'no-start' };

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A drop becomes a PATCH of plannedAt. The new start is sent as an instant with its offset
 * (FullCalendar computes it in the workspace zone), so the server never has to guess which
 * of two identical wall-clock times was meant on the night the clocks go back.
 */
export function moveRequest(event: DroppedEvent, version: number): MoveRequest {
  if (event.allDay) return { ok: false, reason: 'all-day' };
  if (!event.startStr) return { ok: false, reason: 'no-start' };
  if (!WITH_OFFSET.test(event.startStr)) return { ok: false, reason: 'no-start' };
  return { ok: true, version, body: { plannedAt: event.startStr } };
}
