import type { ReactNode } from 'react';
import { plural } from '../../lib/format';
import type { SessionLogEntry } from '../api/session';
import { logOrigin } from './session-format';
import { LogLineContent, NO_RANGES, zoneNote, type LogProps } from './session-log-line';

/** Lines kept on the page of the "Log" heading: a heading never ends a page on its own. */
const KEPT_WITH_HEADING = 3;

export interface PrintLogProps extends LogProps {
  /** The section's heading, printed together with the first lines. */
  heading: ReactNode;
}

/**
 * The whole log, every line in the DOM, for print. Not virtualized, never in a scrolling box. The
 * heading, the note and the first lines are one group that does not break (Firefox ignores
 * `break-after: avoid` on a heading), the rest flows; the numbering continues across both lists.
 */
export function PrintLog({ session, zone, heading }: PrintLogProps) {
  const origin = logOrigin(session);
  const { log } = session;
  const lines = (entries: SessionLogEntry[], offset: number) =>
    entries.map((entry, i) => (
      <li key={offset + i} className="log-line">
        <LogLineContent entry={entry} origin={origin} zone={zone} ranges={NO_RANGES} current={-1} />
      </li>
    ));
  const rest = log.slice(KEPT_WITH_HEADING);
  return (
    <>
      <div className="keep-together">
        {heading}
        {log.length === 0 ? (
          <p className="muted">No log entries.</p>
        ) : (
          <>
            <p className="log-note">
              {plural(log.length, 'entry', 'entries')} · {zoneNote(zone)} · offsets from the start
            </p>
            <ol className="session-log session-log-print">{lines(log.slice(0, KEPT_WITH_HEADING), 0)}</ol>
          </>
        )}
      </div>
      {rest.length > 0 && (
        <ol className="session-log session-log-print" start={KEPT_WITH_HEADING + 1}>
          {lines(rest, KEPT_WITH_HEADING)}
        </ol>
      )}
    </>
  );
}
