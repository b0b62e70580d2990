// A view's refinements applied to sessions: the predicate and the counting, run by the scan (its Web
// Worker) and the export, not by the first screen, which only reads their link form (refinements.ts).
// Plain code, no React and no DOM.
import type { SessionSummary } from './api/session';
import type { Refinements, SessionCounts } from './refinements';
import { isMissed, sessionDurationMs } from './session-display';

/**
 * The predicate of a view's refinements. `anchorMs` is the view's anchor instant: a live session's
 * duration runs to it, so one view's answer does not change while it is read. A session missing the
 * field a refinement asks about (no outcome, no dates) does not match it.
 */
export function refinementPredicate(r: Refinements, anchorMs: number): (s: SessionSummary) => boolean {
  const outcomes = r.outcome?.length ? new Set(r.outcome.map((o) => o.toLowerCase())) : undefined;
  const channels = r.channel?.length ? new Set(r.channel.map((c) => c.toLowerCase())) : undefined;
  const direction = r.direction?.toLowerCase();
  const { missed, minDuration, maxDuration } = r;
  const timed = minDuration !== undefined || maxDuration !== undefined;
  return (s) => {
    if (missed !== undefined && isMissed(s) !== missed) return false;
    if (outcomes && !(s.outcome !== undefined && outcomes.has(s.outcome.toLowerCase()))) return false;
    if (channels && !(s.channel !== undefined && channels.has(s.channel.toLowerCase()))) return false;
    if (direction !== undefined && s.direction?.toLowerCase() !== direction) return false;
    if (timed) {
      const ms = sessionDurationMs(s, anchorMs);
      if (ms === undefined) return false;
      const secs = Math.floor(ms / 1000);
      if (minDuration !== undefined && secs < minDuration) return false;
      if (maxDuration !== undefined && secs > maxDuration) return false;
    }
    return true;
  };
}

const bump = (into: Record<string, number>, value: string | undefined) => {
  if (value !== undefined && value !== '') into[value] = (into[value] ?? 0) + 1;
};

export function addToCounts(counts: SessionCounts, s: SessionSummary): void {
  counts.sessions += 1;
  if (isMissed(s)) counts.missed += 1;
  bump(counts.outcome, s.outcome);
  bump(counts.channel, s.channel);
  bump(counts.direction, s.direction);
}
