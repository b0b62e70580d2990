// One session whole, by id, wherever it is kept (sessionQueries.detail).
import { buildSessionsQuery } from './build-sessions-query';
import { fetchSessions } from './fetch-sessions';
import type { Session } from './session';

export interface SessionDetail {
  session: Session;
  /** True when the session was found only by searching the archive. */
  archived: boolean;
}

/** One session whole: the live store first, then the archive. */
export async function fetchDetail(id: string, signal: AbortSignal): Promise<SessionDetail | null> {
  for (const archived of [false, true]) {
    const query = buildSessionsQuery({ searchArchive: archived }, { specificIds: [id] });
    const page = await fetchSessions(query, { signal });
    // Exact match only: specificIds is a comma list, so the server may return other ids too.
    const session = page.items.find((s) => s.id === id);
    if (session) return { session, archived };
  }
  return null;
}
