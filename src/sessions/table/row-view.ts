// A session as the table shows it. A page of sessions is turned into RowViews once, when it arrives
// (formatting dates and names is the costly part of a row), so scrolling only lays out text. What
// each cell shows is `cellParts`, plain data that grid-row.tsx draws. Which text a session shows is
// decided by the display rules (session-display.ts), as in the drawer and the print view.
import type { SessionSummary, SessionsPage } from '../api/session';
import { formatDateTime, formatDuration, formatFullDateTime, type DisplayZone } from '../../lib/format';
import { SESSIONS_PAGE_SIZE } from '../api/sessions-url';
import {
  callerAddress,
  callerName,
  directionArrow,
  durationText,
  isLive,
  isMissed,
  liveStates,
  toText,
} from '../session-display';

export interface RowView {
  id: string;
  start: string;
  startTitle: string;
  completed: string;
  direction: string | undefined;
  channel: string;
  fromName: string;
  fromNumber: string;
  to: string;
  account: string;
  customer: string;
  endpoint: string;
  answeredBy: string;
  outcome: string;
  missed: boolean;
  /** While live (`ended === false`) the duration ticks from this start. */
  liveSince: number | undefined;
  duration: string;
  states: string[];
}

const text = (value: string | undefined) => value ?? '';

/** The start cell's hover title: the full date, with weekday, year and zone. */
export function startTitle(s: SessionSummary, zone: DisplayZone): string {
  const created = s.dateCreated?.ms;
  return created !== undefined ? formatFullDateTime(created, zone) : text(s.dateCreated?.raw);
}

export function toRowView(s: SessionSummary, zone: DisplayZone): RowView {
  const created = s.dateCreated?.ms;
  const completed = s.dateCompleted?.ms;
  const live = isLive(s);
  return {
    id: s.id,
    start: created !== undefined ? formatDateTime(created, zone) : text(s.dateCreated?.raw),
    startTitle: startTitle(s, zone),
    completed: completed !== undefined ? formatDateTime(completed, zone) : text(s.dateCompleted?.raw),
    direction: s.direction,
    channel: text(s.channel),
    fromName: text(callerName(s)),
    fromNumber: text(callerAddress(s)),
    to: text(toText(s)),
    account: text(s.accountName ?? s.accountId),
    customer: text(s.customerName ?? s.customerId),
    endpoint: text(s.endpointName ?? s.endpointId),
    answeredBy: text(s.answeredByName),
    outcome: text(s.outcome),
    missed: isMissed(s),
    liveSince: live && created !== undefined ? created : undefined,
    // Ended: "now" plays no part in the duration.
    duration: live ? '' : text(durationText(s, 0)),
    states: liveStates(s),
  };
}

export interface RowPage {
  rows: RowView[];
  totalCount: number | undefined;
  hasMorePages: boolean | undefined;
}

function selectRows(zone: DisplayZone) {
  return (page: SessionsPage<SessionSummary>): RowPage => ({
    rows: page.items.map((s) => toRowView(s, zone)),
    totalCount: page.totalCount,
    hasMorePages: page.hasMorePages,
  });
}

// Stable per zone, so React Query memoizes the selected rows per page.
export const SELECT_ROWS: Record<DisplayZone, (page: SessionsPage<SessionSummary>) => RowPage> = {
  local: selectRows('local'),
  utc: selectRows('utc'),
};

/**
 * Rows the scrollbar spans: totalCount when the server counts; otherwise what is loaded (page 0, and
 * `others`, the pages from `first` on) plus one page while more exist.
 */
export function countRows(
  page0: { rows: readonly unknown[]; totalCount?: number; hasMorePages?: boolean } | undefined,
  others: (RowPage | undefined)[],
  first: number,
): number {
  if (!page0) return 0;
  if (page0.totalCount !== undefined) return page0.totalCount;
  let end = page0.rows.length;
  let more = page0.hasMorePages === true;
  others.forEach((page, i) => {
    if (!page) return;
    const pageEnd = (first + i) * SESSIONS_PAGE_SIZE + page.rows.length;
    if (pageEnd >= end) {
      end = pageEnd;
      more = page.hasMorePages === true && page.rows.length > 0;
    }
  });
  return more ? Math.ceil(end / SESSIONS_PAGE_SIZE) * SESSIONS_PAGE_SIZE + SESSIONS_PAGE_SIZE : end;
}

/**
 * Text (empty text is drawn as nothing), or a span of text. `liveSince`: a duration that ticks from
 * that start (ms).
 */
export type CellPart =
  string | { text: string; className?: string; title?: string; ariaHidden?: true; liveSince?: number };

const MISSED_BADGE: CellPart = { text: 'Missed', className: 'badge badge-danger' };

/** What the cell of column `id` shows for `row`, at `now` (for live durations). */
export function cellParts(id: string, row: RowView, now: number): CellPart[] {
  switch (id) {
    case 'start':
      return [{ text: row.start, title: row.startTitle }];
    case 'direction':
      return row.direction
        ? [{ text: directionArrow(row.direction) ?? '•', ariaHidden: true }, ` ${row.direction}`]
        : [];
    case 'channel':
      return [row.channel];
    case 'from':
      return row.fromName && row.fromName !== row.fromNumber
        ? [{ text: row.fromName, className: 'from-name' }, ' ', { text: row.fromNumber, className: 'muted' }]
        : [row.fromNumber];
    case 'to':
      return [row.to];
    case 'account':
      return [row.account];
    case 'customer':
      return [row.customer];
    case 'endpoint':
      return [row.endpoint];
    case 'answeredBy':
      return [row.answeredBy];
    case 'outcome':
      // Missed sessions stand out here too, so the Missed column can stay hidden on narrow screens.
      return row.missed
        ? [MISSED_BADGE, row.outcome && row.outcome !== 'Missed' ? ` ${row.outcome}` : '']
        : [row.outcome];
    case 'missed':
      return row.missed ? [MISSED_BADGE] : [];
    case 'completed':
      return [row.completed];
    case 'duration':
      return row.liveSince !== undefined
        ? [
            {
              text: formatDuration(now - row.liveSince),
              className: 'live-duration',
              liveSince: row.liveSince,
            },
          ]
        : [row.duration];
    case 'state':
      // The most telling state gets the badge (queue, then call, then dial); the rest are in its title.
      return row.states[0]
        ? [{ text: row.states[0], className: 'badge badge-live', title: row.states.join(' · ') }]
        : [];
    default:
      return [];
  }
}
