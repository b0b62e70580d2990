// What an export file holds. CSV: the table's visible columns, in the words the table uses (the
// display rules of session-display.ts), times in the display zone with their offset, then the
// session id and a link to it. NDJSON: each session as the API sent it, one per line.
import { csvRecord, UTF8_BOM } from '../../lib/csv';
import { formatClockDuration, type DisplayZone } from '../../lib/format';
import { formatDateTimeWithOffset } from '../../lib/format-with-offset';
import type { SessionWithWire } from '../api/fetch-sessions';
import type { SessionSummary, WireDate } from '../api/session';
import { fromText, isMissed, liveStates, outcomeText, sessionDurationMs, toText } from '../session-display';
import { COLUMN_META } from '../table/column-defs';

export interface CsvLayout {
  columns: readonly string[];
  zone: DisplayZone;
  /** The app's origin, for the link to each session. */
  origin: string;
  /** "Now" for the duration of a session still going on. */
  now: number;
}

const time = (date: WireDate | undefined, zone: DisplayZone) =>
  date === undefined ? '' : date.ms !== undefined ? formatDateTimeWithOffset(date.ms, zone) : date.raw;

function cell(id: string, s: SessionSummary, { zone, now }: CsvLayout): string {
  switch (id) {
    case 'start':
      return time(s.dateCreated, zone);
    case 'completed':
      return time(s.dateCompleted, zone);
    case 'direction':
      return s.direction ?? '';
    case 'channel':
      return s.channel ?? '';
    case 'from':
      return fromText(s) ?? '';
    case 'to':
      return toText(s) ?? '';
    case 'account':
      return s.accountName ?? s.accountId ?? '';
    case 'customer':
      return s.customerName ?? s.customerId ?? '';
    case 'endpoint':
      return s.endpointName ?? s.endpointId ?? '';
    case 'answeredBy':
      return s.answeredByName ?? '';
    case 'outcome':
      return outcomeText(s) ?? '';
    case 'missed':
      return isMissed(s) ? 'Missed' : '';
    case 'duration': {
      // Always h:mm:ss: a spreadsheet reads "4:19" as 4 hours 19 minutes, "0:04:19" as a duration.
      const ms = sessionDurationMs(s, now);
      return ms === undefined ? '' : formatClockDuration(ms);
    }
    case 'state':
      return liveStates(s).join(', ');
    default:
      return '';
  }
}

/** The first bytes of the file: the BOM and the header record. */
export function csvHead(layout: CsvLayout): string {
  return (
    UTF8_BOM + csvRecord([...layout.columns.map((id) => COLUMN_META[id]?.label ?? id), 'Session id', 'Link'])
  );
}

export function csvRow(s: SessionSummary, layout: CsvLayout): string {
  const values = layout.columns.map((id) => cell(id, s, layout));
  values.push(s.id, `${layout.origin}/?session=${encodeURIComponent(s.id)}`);
  return csvRecord(values);
}

/** One line of NDJSON: the item as the API sent it (JSON.stringify escapes line breaks in strings). */
export function ndjsonLine(s: SessionWithWire): string {
  return `${JSON.stringify(s.wire)}\n`;
}
