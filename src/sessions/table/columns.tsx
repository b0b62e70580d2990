// The table's columns, defined once. A page of sessions is turned into RowViews once, when it
// arrives (formatting dates and names is the costly part of a row), so scrolling only lays out text.
import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { Session, SessionsPage } from '../api/session';
import type { SortField } from '../api/session-types';
import { formatDateTime, formatDuration, formatFullDateTime, type DisplayZone } from '../../lib/format';

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
  missed: boolean | undefined;
  /** While live (`ended === false`) the duration ticks from this start. */
  liveSince: number | undefined;
  duration: string;
  states: string[];
}

const text = (value: string | undefined) => value ?? '';

export function toRowView(s: Session, zone: DisplayZone): RowView {
  const created = s.dateCreated?.ms;
  const completed = s.dateCompleted?.ms;
  const live = s.ended === false;
  // Queued or ringing in a queue says more than the call state; "Active" dialing says least.
  const states = live
    ? [
        s.queueState === 'Queued' || s.queueState === 'Ringing' ? s.queueState : undefined,
        s.callState,
        s.queueState,
        s.dialState,
      ].filter((v): v is string => !!v && v !== 'None' && v !== 'Disconnected')
    : [];
  return {
    id: s.id,
    start: created !== undefined ? formatDateTime(created, zone) : text(s.dateCreated?.raw),
    startTitle: created !== undefined ? formatFullDateTime(created, zone) : text(s.dateCreated?.raw),
    completed: completed !== undefined ? formatDateTime(completed, zone) : text(s.dateCompleted?.raw),
    direction: s.direction,
    channel: text(s.channel),
    fromName: text(s.fromName ?? s.displayName),
    fromNumber: text(s.fromAddress ?? s.fromPhoneNumber),
    to: text(s.toAddress ?? s.destination),
    account: text(s.accountName ?? s.accountId),
    customer: text(s.customerName ?? s.customerId),
    endpoint: text(s.endpointName ?? s.endpointId),
    answeredBy: text(s.answeredByName),
    outcome: text(s.outcome),
    missed: s.wasMissed,
    liveSince: live && created !== undefined ? created : undefined,
    duration:
      !live && created !== undefined && completed !== undefined && completed >= created
        ? formatDuration(completed - created)
        : '',
    states: [...new Set(states)],
  };
}

export interface RowPage {
  rows: RowView[];
  totalCount: number | undefined;
  hasMorePages: boolean | undefined;
}

function selectRows(zone: DisplayZone) {
  return (page: SessionsPage): RowPage => ({
    rows: page.items.map((s) => toRowView(s, zone)),
    totalCount: page.totalCount,
    hasMorePages: page.hasMorePages,
  });
}

// Stable per zone, so React Query memoizes the selected rows per page.
export const SELECT_ROWS: Record<DisplayZone, (page: SessionsPage) => RowPage> = {
  local: selectRows('local'),
  utc: selectRows('utc'),
};

export const tableFeatureSet = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
});

export interface ColumnMeta {
  label: string;
  /** The API's `sortField`; absent = the server cannot sort by it. */
  sortField?: SortField;
  /** Columns whose text can overflow get an ellipsis; the rest are cheap, unclipped cells. */
  clip?: boolean;
  hiddenByDefault?: boolean;
  /** Short, fixed-format content (times, badges): keeps its width while text columns shrink. */
  fixed?: boolean;
}

export const COLUMN_META: Record<string, ColumnMeta> = {
  start: { label: 'Start', sortField: 'dateCreated', fixed: true },
  direction: { label: 'Direction', sortField: 'direction', fixed: true },
  channel: { label: 'Channel', sortField: 'channel', fixed: true },
  from: { label: 'From', sortField: 'fromAddress', clip: true },
  to: { label: 'To', sortField: 'toAddress', clip: true },
  account: { label: 'Account', sortField: 'accountName', clip: true, hiddenByDefault: true },
  customer: { label: 'Customer', sortField: 'customerName', clip: true },
  endpoint: { label: 'Endpoint', sortField: 'endpointName', clip: true },
  answeredBy: { label: 'Answered by', sortField: 'answeredByName', clip: true },
  outcome: { label: 'Outcome', sortField: 'outcome', clip: true },
  missed: { label: 'Missed', sortField: 'wasMissed', fixed: true, hiddenByDefault: true },
  completed: { label: 'Completed', sortField: 'dateCompleted', fixed: true, hiddenByDefault: true },
  duration: { label: 'Duration', fixed: true },
  state: { label: 'State', clip: true, fixed: true },
};

const helper = createColumnHelper<typeof tableFeatureSet, RowView>();
const column = (id: keyof typeof COLUMN_META, size: number) => {
  const meta = COLUMN_META[id]!;
  return helper.accessor((row) => row.id, {
    id,
    header: meta.label,
    size,
    minSize: 48,
    enableSorting: meta.sortField !== undefined,
    sortDescFirst: id === 'start' || id === 'completed',
  });
};

export const columns = helper.columns([
  column('start', 128),
  column('direction', 84),
  column('channel', 76),
  column('from', 220),
  column('to', 150),
  column('account', 150),
  column('customer', 140),
  column('endpoint', 130),
  column('answeredBy', 130),
  column('outcome', 130),
  column('missed', 68),
  column('completed', 136),
  column('duration', 72),
  column('state', 104),
]);

export const DEFAULT_VISIBILITY: Record<string, boolean> = Object.fromEntries(
  Object.entries(COLUMN_META)
    .filter(([, meta]) => meta.hiddenByDefault)
    .map(([id]) => [id, false]),
);

export function columnIdForSortField(field: SortField): string | undefined {
  return Object.entries(COLUMN_META).find(([, meta]) => meta.sortField === field)?.[0];
}
