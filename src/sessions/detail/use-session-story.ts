import { useQuery } from '@tanstack/react-query';
import { useNow } from '../../ui/use-now';
import type { DisplayZone } from '../../lib/format';
import type { Session } from '../api/session';
import { sessionQueries } from '../api/session-queries';
import { isLive } from '../session-display';
import { sessionStory, type SessionStory } from '../session-story';

/** The story of a session as the drawer and the print view show it, its transfers counted. */
export function useSessionStory(session: Session, archived: boolean, zone: DisplayZone): SessionStory {
  const now = useNow(isLive(session));
  const transfers = useQuery(sessionQueries.childCount(session.id, archived)).data;
  return sessionStory(session, { zone, now, transfers });
}
