// Row text for the peer pages, formatted once per page like Session History's RowView.
export interface WireSession {
  id?: string;
  dateCreated?: string;
  dateCompleted?: string;
  direction?: string;
  channel?: string;
  fromName?: string;
  displayName?: string;
  fromAddress?: string;
  toAddress?: string;
  customerName?: string;
  endpointName?: string;
  answeredByName?: string;
  outcome?: string;
  ended?: boolean;
  callState?: string;
}

export interface PeerRow {
  id: string;
  start: string;
  direction: string;
  channel: string;
  from: string;
  to: string;
  customer: string;
  endpoint: string;
  answeredBy: string;
  outcome: string;
  duration: string;
  state: string;
}

const dateTime = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

const parse = (s: string | undefined) => {
  const ms = s ? Date.parse(s) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
};

export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function toPeerRow(s: WireSession): PeerRow {
  const created = parse(s.dateCreated);
  const completed = parse(s.dateCompleted);
  return {
    id: s.id ?? '',
    start: created !== undefined ? dateTime.format(created) : (s.dateCreated ?? ''),
    direction: s.direction ?? '',
    channel: s.channel ?? '',
    from: [s.fromName ?? s.displayName, s.fromAddress].filter(Boolean).join(' '),
    to: s.toAddress ?? '',
    customer: s.customerName ?? '',
    endpoint: s.endpointName ?? '',
    answeredBy: s.answeredByName ?? '',
    outcome: s.outcome ?? '',
    duration: created !== undefined && completed !== undefined ? duration(completed - created) : '',
    state: s.ended === false ? (s.callState ?? '') : '',
  };
}
