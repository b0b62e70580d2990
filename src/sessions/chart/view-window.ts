// The view's window of instants in its display zone, as the chart draws it.
import type { SessionsView } from '../view/sessions-view';
import { resolveTimeWindow, type TimeWindow } from '../view/time-window';

export function viewWindow(view: SessionsView): TimeWindow {
  const zone = view.zone === 'utc' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { range, start, end } = view.search;
  return resolveTimeWindow({ range, start, end }, zone, view.anchorMs).window;
}
