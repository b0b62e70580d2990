import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useRouteContext } from '@tanstack/react-router';
import { useDisplayZone } from '../preferences';
import type { SessionSearch } from '../filters/session-search';
import { resolveView, type SessionsView } from './sessions-view';
import { viewIdentity } from './view-anchor-store';
import { dayInZone, startOfDayMs } from './zoned-time';
import { addUtcDays } from '../../lib/utc-days';

/**
 * The view shown, resolved once per screen from the link's search, the display zone and the view's
 * anchor (view-anchor-store.ts). A range of days left open past midnight (in the display zone)
 * moves to the new day.
 */
export function useSessionsView(search: SessionSearch): { view: SessionsView; reanchor: () => void } {
  const [zone] = useDisplayZone();
  const { viewAnchors } = useRouteContext({ from: '__root__' });
  const identity = viewIdentity(search);
  const anchorMs = useSyncExternalStore(viewAnchors.subscribe, () => viewAnchors.anchorOf(identity));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `identity` stands for `search` less the open session
  const view = useMemo(() => resolveView(search, anchorMs, zone), [identity, anchorMs, zone]);

  const days = view.window.kind === 'days' && view.window.range !== undefined;
  const { zoneName } = view;
  useEffect(() => {
    if (!days) return;
    const nextDay = startOfDayMs(addUtcDays(dayInZone(anchorMs, zoneName), 1), zoneName);
    const timer = setTimeout(viewAnchors.reanchor, Math.max(0, nextDay - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [days, anchorMs, zoneName, viewAnchors]);

  return { view, reanchor: viewAnchors.reanchor };
}
