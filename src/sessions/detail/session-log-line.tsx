import { memo } from 'react';
import { HighlightedText, type TextRange } from '../../ui/highlight-text';
import { formatFullDateTime, type DisplayZone } from '../../lib/format';
import { zoneNameOf } from '../view/sessions-view';
import { zoneLabel } from '../view/time-window-label';
import type { Session, SessionLogEntry } from '../api/session';
import { offsetText, wireDateText } from './session-format';

export const NO_RANGES: readonly TextRange[] = [];

interface LogLineProps {
  entry: SessionLogEntry;
  origin: number | undefined;
  zone: DisplayZone;
  ranges: readonly TextRange[];
  /** Index into `ranges` of the current hit, or -1. */
  current: number;
}

/** One entry's cells: absolute time, offset from the start, and the message in full. */
export const LogLineContent = memo(function LogLineContent({
  entry,
  origin,
  zone,
  ranges,
  current,
}: LogLineProps) {
  const { date } = entry;
  const offset = offsetText(date, origin);
  return (
    <>
      {date?.ms !== undefined ? (
        <time
          className="log-time"
          dateTime={new Date(date.ms).toISOString()}
          title={formatFullDateTime(date.ms, zone)}
        >
          {wireDateText(date, zone, 'time')}
        </time>
      ) : (
        // Unparseable: the raw text, as the server sent it.
        <span className="log-time log-time-raw" dir="auto">
          {date?.raw || '—'}
        </span>
      )}
      <span className="log-offset">{offset ?? ''}</span>
      <span className="log-message" dir="auto">
        <HighlightedText text={entry.message} ranges={ranges} current={current} />
      </span>
    </>
  );
});

/** The zone the log's times are in, by name ("Los Angeles time"): a printout travels. */
export function zoneNote(zone: DisplayZone): string {
  return zoneLabel(zoneNameOf(zone));
}

export interface LogProps {
  session: Session;
  zone: DisplayZone;
}
