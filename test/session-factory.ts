// Realistic, deterministic `WireSessionInfo` objects for unit, component and MSW tests.
// Same seed, same sessions: a failing test can be replayed. Dates are spread backwards from
// FACTORY_NOW, the sandbox's test clock, so live/archive splits agree with the contract tests.
import type {
  WireCustomerBreadcrumb,
  WireSessionInfo,
  WireSessionLogInfo,
  WireSessionMemberInfo,
} from '../src/sessions/api/session-types';

/** The fixed "now" of the fake data (same instant as the sandbox's TEST_NOW). */
export const FACTORY_NOW = Date.parse('2026-11-27T15:00:00.000Z');
/** Sessions older than this are only in the archive (Evo Voice moves them after ~15 days). */
export const ARCHIVE_AFTER_MS = 15 * 24 * 60 * 60 * 1000;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** mulberry32: tiny, fast, good enough for test data. */
function rngFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const hex = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('');

interface Account {
  id: string;
  name: string;
  customers: { id: string; name: string; breadcrumb: WireCustomerBreadcrumb[] }[];
}

export const FACTORY_ACCOUNTS: readonly Account[] = [
  {
    id: 'acc_6a1f0c2e9b7d4e11',
    name: 'Northwind Telecom',
    customers: [
      { id: 'cus_a01', name: 'Harbor Dental', breadcrumb: [{ id: 'cus_a00', name: 'Harbor Group' }] },
      { id: 'cus_a02', name: 'Harbor Dental East', breadcrumb: [{ id: 'cus_a00', name: 'Harbor Group' }] },
      { id: 'cus_a03', name: 'Maple Street Plumbing', breadcrumb: [] },
      { id: 'cus_a04', name: 'Cedar Law Partners', breadcrumb: [] },
    ],
  },
  {
    id: 'acc_3d9e51b07a2c4f88',
    name: 'Bluebird Health',
    customers: [
      {
        id: 'cus_b01',
        name: 'Bluebird Clinic Portland',
        breadcrumb: [{ id: 'cus_b00', name: 'Bluebird Clinics' }],
      },
      {
        id: 'cus_b02',
        name: 'Bluebird Clinic Salem',
        breadcrumb: [{ id: 'cus_b00', name: 'Bluebird Clinics' }],
      },
      { id: 'cus_b03', name: 'Riverside Pharmacy', breadcrumb: [] },
    ],
  },
];

const AGENTS = [
  'Maria Gonzalez',
  'James Chen',
  'Priya Patel',
  'Tom Becker',
  'Aisha Okafor',
  'Lukas Novak',
  'Sofia Rossi',
  'Daniel Kim',
];
const QUEUES = ['Front Desk', 'Billing', 'Scheduling', 'After Hours', 'Support'];
const CALLERS = [
  'Robert Miller',
  'Jennifer Lee',
  'WIRELESS CALLER',
  'Michael Brown',
  'Linda Garcia',
  'PORTLAND OR',
  'Unknown',
  'Emily Davis',
];
const OUTCOMES_ANSWERED = ['Answered', 'Completed', 'Transferred'];
const OUTCOMES_MISSED = ['Missed', 'Voicemail', 'Abandoned', 'No Answer'];

const phone = (rng: Rng) =>
  `+1${pick(rng, ['503', '971', '360', '206', '415'])}${int(rng, 2000000, 9999999)}`;
const iso = (ms: number) => new Date(ms).toISOString();

function makeLog(
  rng: Rng,
  start: number,
  queue: string,
  agent: string | undefined,
  channel: string,
): WireSessionLogInfo[] {
  let t = start;
  const line = (message: string): WireSessionLogInfo => {
    t += int(rng, 200, 9000);
    return { date: iso(t), message };
  };
  if (channel === 'Chat') {
    return [
      line('Chat session started'),
      line(`Routed to queue ${queue}`),
      ...(agent
        ? [line(`${agent} joined the chat`), line('Chat ended by customer')]
        : [line('No agent available')]),
    ];
  }
  const log = [
    line('Incoming call received'),
    line('Playing greeting "Thank you for calling"'),
    line(`Caller pressed ${int(rng, 1, 4)}`),
    line(`Entered queue ${queue}`),
  ];
  for (let i = int(rng, 0, 3); i > 0; i--) log.push(line(`Ringing ${pick(rng, AGENTS)}`));
  if (agent) {
    log.push(line(`Ringing ${agent}`), line(`Call answered by ${agent}`), line('Caller hung up'));
  } else {
    log.push(line('No answer, sending to voicemail'), line('Voicemail recorded'), line('Call ended'));
  }
  return log;
}

function generate(rng: Rng, index: number, maxAgeMs: number): WireSessionInfo {
  const account = pick(rng, FACTORY_ACCOUNTS);
  const customer = pick(rng, account.customers);
  const channel = rng() < 0.8 ? 'Voice' : rng() < 0.75 ? 'Chat' : 'Fax';
  const direction = rng() < 0.7 ? 'Incoming' : 'Outgoing';
  // Roughly one in 40 sessions is still going on, and those started in the last few minutes.
  const live = rng() < 0.025;
  const created = live
    ? FACTORY_NOW - int(rng, 5_000, 10 * MINUTE)
    : FACTORY_NOW - int(rng, MINUTE, maxAgeMs);
  const missed = direction === 'Incoming' && rng() < 0.18;
  const agent = missed ? undefined : pick(rng, AGENTS);
  const queue = pick(rng, QUEUES);
  const duration = missed ? int(rng, 10_000, 90_000) : int(rng, 30_000, 25 * MINUTE);
  const completed = live ? undefined : created + duration;
  const caller = phone(rng);
  const companyNumber = `+1503555${int(rng, 1000, 1999)}`;
  const id = `${hex(rng, 8)}${index.toString(16).padStart(8, '0')}${hex(rng, 8)}`;
  const agentEndpointId = agent ? `ep_agent_${AGENTS.indexOf(agent)}` : undefined;
  const members: WireSessionMemberInfo[] = [
    {
      identity: `client:${caller}`,
      displayName: pick(rng, CALLERS),
      isOriginalMember: true,
      callState: live ? 'Connected' : 'None',
      role: 'Caller',
      callSid: `CA${hex(rng, 32)}`,
      muted: false,
      applicationData: { source: 'pstn', region: pick(rng, ['us-west', 'us-east']) },
    },
  ];
  if (agent) {
    members.push({
      identity: `agent:${agentEndpointId}`,
      endpointId: agentEndpointId,
      displayName: agent,
      isOriginalMember: false,
      avatarUrl: `https://avatars.example.com/${agentEndpointId}.png`,
      callState: live ? 'Connected' : 'None',
      role: 'Agent',
      callSid: `CA${hex(rng, 32)}`,
      muted: rng() < 0.1,
      applicationData: { skill: queue.toLowerCase().replace(/ /g, '-') },
    });
  }
  return {
    id,
    dateCreated: iso(created),
    dateLastModified: iso(completed ?? FACTORY_NOW),
    createdBy: 'system',
    lastModifiedBy: 'system',
    dialState: live ? 'Active' : 'None',
    callState: live ? pick(rng, ['Ringing', 'Connected', 'Hold']) : 'Disconnected',
    queueState: live ? pick(rng, ['Queued', 'Ringing', 'Connected']) : 'Disconnected',
    accountId: account.id,
    accountName: account.name,
    customerId: customer.id,
    customerName: customer.name,
    customerBreadcrumb: [...customer.breadcrumb, { id: customer.id, name: customer.name }],
    endpointId: `ep_queue_${QUEUES.indexOf(queue)}`,
    endpointName: queue,
    dateCompleted: completed === undefined ? undefined : iso(completed),
    destination: direction === 'Incoming' ? companyNumber : caller,
    toAddress: direction === 'Incoming' ? companyNumber : caller,
    fromAddress: direction === 'Incoming' ? caller : companyNumber,
    fromName: direction === 'Incoming' ? pick(rng, CALLERS) : account.name,
    answeredByName: agent,
    answeredById: agentEndpointId,
    queueMemberId: agent ? `qm_${hex(rng, 6)}` : undefined,
    channel,
    ended: !live,
    outcome: live ? undefined : missed ? pick(rng, OUTCOMES_MISSED) : pick(rng, OUTCOMES_ANSWERED),
    callSid: channel === 'Voice' ? `CA${hex(rng, 32)}` : undefined,
    holdReason: 'None',
    displayName: `${direction === 'Incoming' ? 'Call from' : 'Call to'} ${caller}`,
    log: makeLog(rng, created, queue, agent, channel),
    members,
    direction,
    fromPhoneNumber: channel === 'Chat' ? caller : undefined,
    wasMissed: missed,
  };
}

let nextIndex = 0;

/**
 * One realistic session; `overrides` win over the generated fields. Successive calls give
 * different sessions (distinct ids); pass `seed` to get the same one every time.
 */
export function makeWireSession(overrides: Partial<WireSessionInfo> = {}, seed?: number): WireSessionInfo {
  const index = seed ?? nextIndex++;
  return { ...generate(rngFrom(0x5e55 ^ index), index, 30 * DAY), ...overrides };
}

export interface MakeSessionsOptions {
  /** Sessions are created up to this many days before FACTORY_NOW (default 30: live and archive). */
  days?: number;
}

/** `n` distinct sessions, deterministic for `seed`, in no particular order. */
export function makeWireSessions(n: number, seed = 1, options: MakeSessionsOptions = {}): WireSessionInfo[] {
  const rng = rngFrom(seed);
  const maxAge = (options.days ?? 30) * DAY;
  return Array.from({ length: n }, (_, i) => generate(rng, i, maxAge));
}
