// Generates the stored part of each session: the columns the list endpoint filters and sorts on.
// Everything else (log timestamps, members, SIDs) is derived from these columns on read, see
// session-detail.ts, which keeps the database small enough for a million sessions.
import { chance, createRng, hex, int, pick, weighted, type Rng } from './prng';
import { personName, phoneNumber, type Customer, type Endpoint, type World } from './world';

export const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
export const HISTORY_DAYS = 120;
export const LIVE_SESSION_COUNT = 8;

export interface SessionRow {
  rid: number;
  id: string;
  dateCreated: number;
  dateCompleted: number | null;
  accountId: string;
  accountName: string;
  customerId: string;
  customerName: string;
  endpointId: string;
  endpointName: string;
  answeredById: string | null;
  answeredByName: string | null;
  fromAddress: string;
  fromName: string | null;
  toAddress: string;
  channel: string;
  direction: string;
  outcome: string | null;
  wasMissed: number;
  parentId: string | null;
  /** 1 for sessions still in progress; their state is computed from the clock on read. */
  live: number;
  queueId: string | null;
  transferToId: string | null;
}

// Business hours in US Pacific time (UTC-8, ignoring DST): quiet nights, a lunch dip.
const LOCAL_OFFSET_HOURS = -8;
const HOUR_WEIGHTS = [
  0.03, 0.02, 0.02, 0.02, 0.03, 0.05, 0.12, 0.35, 0.8, 1, 1, 0.95, 0.75, 0.9, 0.95, 0.9, 0.8, 0.55, 0.3, 0.18,
  0.12, 0.08, 0.05, 0.04,
];
// Sunday first, as Date#getUTCDay counts.
const WEEKDAY_WEIGHTS = [0.18, 1, 1.05, 1, 0.98, 0.9, 0.3];

/** Ascending creation times for `count` sessions over the HISTORY_DAYS before `now`. */
export function sessionTimes(count: number, now: number, seed: number): number[] {
  const rng = createRng(seed, 0x71e5);
  const start = now - HISTORY_DAYS * DAY_MS;
  const firstSlot = Math.floor(start / HOUR_MS) * HOUR_MS;
  const slots: { from: number; to: number; weight: number }[] = [];
  const dayJitter = new Map<number, number>();
  let total = 0;
  for (let slot = firstSlot; slot < now; slot += HOUR_MS) {
    const from = Math.max(slot, start);
    const to = Math.min(slot + HOUR_MS, now);
    const local = new Date(slot + LOCAL_OFFSET_HOURS * HOUR_MS);
    const day = Math.floor(local.getTime() / DAY_MS);
    let jitter = dayJitter.get(day);
    if (jitter === undefined) {
      jitter = 0.85 + rng() * 0.3;
      dayJitter.set(day, jitter);
    }
    const weight =
      (HOUR_WEIGHTS[local.getUTCHours()] ?? 0) *
      (WEEKDAY_WEIGHTS[local.getUTCDay()] ?? 0) *
      jitter *
      ((to - from) / HOUR_MS);
    slots.push({ from, to, weight });
    total += weight;
  }
  const times: number[] = [];
  let cumulative = 0;
  let placed = 0;
  for (const slot of slots) {
    cumulative += slot.weight;
    const target = Math.round((cumulative / total) * count);
    const inSlot: number[] = [];
    for (; placed < target; placed++) inSlot.push(slot.from + Math.floor(rng() * (slot.to - slot.from)));
    inSlot.sort((a, b) => a - b);
    for (const t of inSlot) times.push(t);
  }
  return times;
}

interface Picker {
  customers: Customer[];
  cumulative: number[];
}

function customerPicker(world: World): Picker {
  // A few busy customers and a long tail, as real tenants look.
  const cumulative: number[] = [];
  let sum = 0;
  world.customers.forEach((_, i) => {
    sum += 1 / (1 + (i % 17) * 0.35);
    cumulative.push(sum);
  });
  return { customers: world.customers, cumulative };
}

function pickCustomer(rng: Rng, picker: Picker): Customer {
  const last = picker.cumulative[picker.cumulative.length - 1] ?? 0;
  const r = rng() * last;
  let lo = 0;
  let hi = picker.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((picker.cumulative[mid] ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  const customer = picker.customers[lo];
  if (!customer) throw new Error('no customers');
  return customer;
}

function callerName(rng: Rng): string | null {
  return weighted<() => string | null>(rng, [
    [() => personName(rng).toUpperCase(), 55],
    [() => 'WIRELESS CALLER', 15],
    [() => personName(rng), 10],
    [() => null, 20],
  ])();
}

/** Random-looking but unique: a PRNG stream has only 2^32 states, so the row number is part of it. */
function sessionId(rng: Rng, rid: number): string {
  return hex(rng, 16) + rid.toString(16).padStart(8, '0');
}

/** Seconds, skewed towards short with a long tail. */
function skewed(rng: Rng, min: number, max: number): number {
  return Math.round(min + (max - min) * rng() ** 2.2);
}

/**
 * Generates all session rows, oldest first. Transfers take the next time slot and become a child
 * session with parentId; the last few sessions are live.
 */
export function* generateSessions(
  count: number,
  now: number,
  seed: number,
  world: World,
): Generator<SessionRow> {
  const times = sessionTimes(count, now, seed);
  const picker = customerPicker(world);
  const liveFrom = count >= 100 ? count - LIVE_SESSION_COUNT : count;
  let pendingChild: SessionRow | undefined;
  for (let rid = 0; rid < times.length; rid++) {
    if (pendingChild) {
      const child = { ...pendingChild, rid };
      pendingChild = undefined;
      yield clampToNow(child, now);
      continue;
    }
    const rng = createRng(seed, rid, 1);
    const created =
      rid >= liveFrom ? now - (count - rid) * 75_000 - int(rng, 0, 40_000) : (times[rid] ?? now);
    const customer = pickCustomer(rng, picker);
    const account = world.accountById.get(customer.accountId);
    const base = {
      rid,
      id: sessionId(rng, rid),
      dateCreated: created,
      accountId: customer.accountId,
      accountName: account?.name ?? '',
      customerId: customer.id,
      customerName: customer.name,
      parentId: null,
      live: 0,
      transferToId: null,
    };
    if (rid >= liveFrom) {
      yield liveSession(rng, base, customer);
      continue;
    }
    const channel = weighted(rng, [
      ['Voice', 78],
      ['Chat', 14],
      ['Fax', 8],
    ] as const);
    const incoming = chance(rng, channel === 'Voice' ? 0.7 : channel === 'Chat' ? 0.65 : 0.6);
    const number = pick(rng, customer.numbers);
    const agent = pick(rng, customer.agents);
    const external = phoneNumber(rng);
    if (channel === 'Voice' && incoming) {
      const row = incomingCall(rng, base, customer, number, agent, external, rid + 1 < liveFrom);
      if (row.transferToId) {
        const target = world.endpoints.get(row.transferToId);
        if (target) {
          const childCreated = row.dateCreated + int(rng, 40, 600) * 1000;
          const answered = chance(rng, 0.85);
          pendingChild = {
            ...base,
            id: sessionId(rng, rid + 1),
            dateCreated: childCreated,
            dateCompleted: childCreated + (answered ? skewed(rng, 30, 1500) : int(rng, 15, 40)) * 1000,
            endpointId: target.id,
            endpointName: target.name,
            answeredById: answered ? target.id : null,
            answeredByName: answered ? target.name : null,
            fromAddress: row.fromAddress,
            fromName: row.fromName,
            toAddress: target.address,
            channel: 'Voice',
            direction: 'Incoming',
            outcome: answered ? 'Answered' : 'Missed',
            wasMissed: answered ? 0 : 1,
            parentId: row.id,
            queueId: null,
          };
          row.dateCompleted = childCreated + int(rng, 5, 25) * 1000;
        }
      }
      yield clampToNow(row, now);
    } else if (channel === 'Voice') {
      const outcome = weighted(rng, [
        ['Answered', 70],
        ['No Answer', 18],
        ['Busy', 8],
        ['Failed', 4],
      ] as const);
      const answered = outcome === 'Answered';
      const seconds = answered ? skewed(rng, 20, 1800) : int(rng, 3, 45);
      yield clampToNow(
        {
          ...base,
          dateCompleted: created + seconds * 1000,
          endpointId: agent.id,
          endpointName: agent.name,
          answeredById: null,
          answeredByName: answered ? (callerName(rng) ?? external) : null,
          fromAddress: number.address,
          fromName: customer.name,
          toAddress: external,
          channel,
          direction: 'Outgoing',
          outcome,
          wasMissed: 0,
          queueId: null,
        },
        now,
      );
    } else if (channel === 'Chat') {
      const answered = !incoming || chance(rng, 0.85);
      yield clampToNow(
        {
          ...base,
          dateCompleted: created + skewed(rng, 60, 3600) * 1000,
          endpointId: incoming ? number.id : agent.id,
          endpointName: incoming ? number.name : agent.name,
          answeredById: answered ? agent.id : null,
          answeredByName: answered ? agent.name : null,
          fromAddress: incoming ? external : number.address,
          fromName: incoming ? callerName(rng) : agent.name,
          toAddress: incoming ? number.address : external,
          channel,
          direction: incoming ? 'Incoming' : 'Outgoing',
          outcome: answered ? 'Completed' : 'Missed',
          wasMissed: answered ? 0 : 1,
          queueId: incoming ? pick(rng, customer.queues).id : null,
        },
        now,
      );
    } else {
      const ok = chance(rng, 0.9);
      yield clampToNow(
        {
          ...base,
          dateCompleted: created + int(rng, 25, 300) * 1000,
          endpointId: incoming ? number.id : agent.id,
          endpointName: incoming ? number.name : agent.name,
          answeredById: null,
          answeredByName: null,
          fromAddress: incoming ? external : number.address,
          fromName: incoming ? callerName(rng) : customer.name,
          toAddress: incoming ? number.address : external,
          channel,
          direction: incoming ? 'Incoming' : 'Outgoing',
          outcome: ok ? (incoming ? 'Received' : 'Sent') : 'Failed',
          wasMissed: 0,
          queueId: null,
        },
        now,
      );
    }
  }
}

// A session that ended cannot have ended after the clock it was generated for.
function clampToNow(row: SessionRow, now: number): SessionRow {
  if (row.dateCreated >= now) row.dateCreated = now - 1000;
  if (row.dateCompleted !== null && row.dateCompleted > now)
    row.dateCompleted = Math.max(now, row.dateCreated);
  return row;
}

type Base = Pick<
  SessionRow,
  | 'rid'
  | 'id'
  | 'dateCreated'
  | 'accountId'
  | 'accountName'
  | 'customerId'
  | 'customerName'
  | 'parentId'
  | 'live'
  | 'transferToId'
>;

function incomingCall(
  rng: Rng,
  base: Base,
  customer: Customer,
  number: Endpoint,
  agent: Endpoint,
  external: string,
  canTransfer: boolean,
): SessionRow {
  const outcome = weighted(rng, [
    ['Answered', 66],
    ['Transferred', canTransfer && customer.agents.length > 1 ? 6 : 0],
    ['Missed', 10],
    ['Voicemail', 10],
    ['Abandoned', 8],
  ] as const);
  const answered = outcome === 'Answered' || outcome === 'Transferred';
  const wait = skewed(rng, 5, 240);
  const seconds =
    outcome === 'Voicemail'
      ? wait + int(rng, 15, 150)
      : answered
        ? wait + skewed(rng, 30, 2400)
        : wait + int(rng, 0, 30);
  const transferTo = outcome === 'Transferred' ? customer.agents.find((a) => a.id !== agent.id) : undefined;
  return {
    ...base,
    dateCompleted: base.dateCreated + seconds * 1000,
    endpointId: number.id,
    endpointName: number.name,
    answeredById: answered ? agent.id : null,
    answeredByName: answered ? agent.name : null,
    fromAddress: external,
    fromName: callerName(rng),
    toAddress: number.address,
    channel: 'Voice',
    direction: 'Incoming',
    outcome,
    wasMissed: answered ? 0 : 1,
    queueId: pick(rng, customer.queues).id,
    transferToId: transferTo?.id ?? null,
  };
}

function liveSession(rng: Rng, base: Base, customer: Customer): SessionRow {
  const number = pick(rng, customer.numbers);
  const agent = pick(rng, customer.agents);
  return {
    ...base,
    live: 1,
    dateCompleted: null,
    endpointId: number.id,
    endpointName: number.name,
    // The agent who picks up once the call's cycle reaches Connected; hidden on read before that
    // (and in the answeredByName sort, see list-sessions.ts).
    answeredById: agent.id,
    answeredByName: agent.name,
    fromAddress: phoneNumber(rng),
    fromName: callerName(rng),
    toAddress: number.address,
    channel: 'Voice',
    direction: 'Incoming',
    outcome: null,
    wasMissed: 0,
    queueId: pick(rng, customer.queues).id,
  };
}

export const MINUTE_MS = 60_000;
/** Arrivals take rids from here: past every generated session and specimen (at most 20 million). */
export const ARRIVAL_RID_BASE = 2 ** 32;

/**
 * The sessions that arrive in one minute of the running clock (SANDBOX_ARRIVALS_PER_MIN), oldest
 * first: `perMin` calls at seeded instants of `minute` (an epoch minute), in progress like the newest
 * generated ones. Only instants after `builtFor` count; the generated history ends there. Rids
 * number the minutes from the one holding `builtFor`, so the same minute always gives the same rows.
 */
export function arrivalsOfMinute(
  minute: number,
  perMin: number,
  builtFor: number,
  seed: number,
  world: World,
): SessionRow[] {
  const timeRng = createRng(seed, 0xa221, minute);
  const offsets = Array.from({ length: perMin }, () => Math.floor(timeRng() * MINUTE_MS)).sort(
    (a, b) => a - b,
  );
  const picker = customerPicker(world);
  const firstRid = ARRIVAL_RID_BASE + (minute - Math.floor(builtFor / MINUTE_MS)) * perMin;
  const rows: SessionRow[] = [];
  offsets.forEach((offset, j) => {
    const created = minute * MINUTE_MS + offset;
    if (created <= builtFor) return;
    const rid = firstRid + j;
    const rng = createRng(seed, rid, 1);
    const customer = pickCustomer(rng, picker);
    const base = {
      rid,
      id: sessionId(rng, rid - ARRIVAL_RID_BASE),
      dateCreated: created,
      accountId: customer.accountId,
      accountName: world.accountById.get(customer.accountId)?.name ?? '',
      customerId: customer.id,
      customerName: customer.name,
      parentId: null,
      live: 0,
      transferToId: null,
    };
    rows.push(liveSession(rng, base, customer));
  });
  return rows;
}
