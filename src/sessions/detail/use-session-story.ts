import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNow } from '../../ui/use-now';
import type { DisplayZone } from '../../lib/format';
import type { Session } from '../api/session';
import { sessionQueries } from '../api/session-queries';
import { isLive } from '../session-display';
import { sessionStory, type SessionStory } from '../session-story';

/** The story of a session as the drawer and the print view show it, its transfers counted. */
export function useSessionStory(session: Session, archived: boolean, zone: DisplayZone): SessionStory {
  const live = isLive(session);
  const clock = useNow(live);
  // An ended session's story does not change with the clock: built once, not every second.
  const now = live ? clock : 0;
  const transfers = useQuery(sessionQueries.childCount(session.id, archived)).data;
  return useMemo(() => sessionStory(session, { zone, now, transfers }), [session, zone, now, transfers]);
}
