// A session as the table shows it. A page of sessions is turned into RowViews once, when it arrives
// (formatting dates and names is the costly part of a row), so scrolling only lays out text. What
// each cell shows is `cellParts`, plain data that grid-row.tsx draws. Which text a session shows is
// decided by the display rules (session-display.ts), as in the drawer and the print view.
import type { SessionSummary, SessionsPage } from '../api/session';
import { formatDateTime, formatDuration, formatFullDateTime, type DisplayZone } from '../../lib/format';
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
  /** When the session was created (ms), to check the row against the view's window. */
  createdMs: number | undefined;
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
  /** Found in the archive (a quiet marker in a result of both stores). */
  archived: boolean;
  /** Created outside the view's window: shown dimmed and marked (a sort the API applies to whole days). */
  outside: boolean;
  /**
   * The archived copy of a session also shown as live (in transit between the stores, under a sort
   * that cannot leave it out): shown dimmed and marked, not counted.
   */
  copy: boolean;
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
    createdMs: created,
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
    archived: false,
    outside: false,
    copy: false,
  };
}

export interface RowPage {
  rows: RowView[];
  totalCount: number | undefined;
  hasMorePages: boolean | undefined;
}

export interface RowMarks {
  /** The page comes from the archive. */
  archived?: boolean;
  /** Rows created outside this window are marked. */
  window?: { startMs: number; endMs: number };
  /** Ids of archived copies of live sessions: marked. */
  copies?: ReadonlySet<string>;
}

/** A page's rows as the table shows them, marked by where they come from. */
export function selectRows(zone: DisplayZone, marks: RowMarks = {}) {
  const { archived = false, window, copies } = marks;
  return (page: SessionsPage<SessionSummary>): RowPage => ({
    rows: page.items.map((s) => {
      const row = toRowView(s, zone);
      row.archived = archived;
      row.outside =
        window !== undefined &&
        (row.createdMs === undefined || row.createdMs < window.startMs || row.createdMs >= window.endMs);
      row.copy = copies?.has(row.id) === true;
      return row;
    }),
    totalCount: page.totalCount,
    hasMorePages: page.hasMorePages,
  });
}

/**
 * Text (empty text is drawn as nothing), or a span of text. `liveSince`: a duration that ticks from
 * that start (ms).
 */
export type CellPart =
  string | { text: string; className?: string; title?: string; ariaHidden?: true; liveSince?: number };

const MISSED_BADGE = { text: 'Missed', className: 'badge badge-danger' } satisfies CellPart;

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
      // The outcome beside the badge may be cut short: it is whole on hover.
      return row.missed
        ? row.outcome && row.outcome !== 'Missed'
          ? [
              { ...MISSED_BADGE, title: `Missed: ${row.outcome}` },
              { text: ` ${row.outcome}`, title: `Missed: ${row.outcome}` },
            ]
          : [MISSED_BADGE]
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
      if (row.states[0])
        return [{ text: row.states[0], className: 'badge badge-live', title: row.states.join(' · ') }];
      // A row outside the window (another sort over whole days) or the archived copy of a live row
      // is dimmed and says why; in a result of both stores, the archived sessions say so.
      if (row.copy)
        return [
          {
            text: 'Also live',
            className: 'badge',
            title: 'Being moved to the archive: this session is also listed as live, and counted once',
          },
        ];
      if (row.outside)
        return [
          {
            text: 'Outside',
            className: 'badge',
            title:
              'Created outside your window: sorted by another field, the API mixes in the rest of its days',
          },
        ];
      return row.archived ? [{ text: 'Archived', className: 'badge', title: 'From the archive' }] : [];
    default:
      return [];
  }
}
