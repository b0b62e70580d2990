// Turns a stored row into the wire SessionInfo: members, SIDs and the log are regenerated from the
// row and the seed; live sessions get their state from the clock on every read.
import type { WireSessionInfo, WireSessionMemberInfo } from '../../src/sessions/api/session-types';
import { toIso } from './iso-date';
import { createRng, hex, int, pick, type Rng } from './prng';
import type { SessionRow } from './generate-sessions';
import { LIVE_SPAN_MS, sessionLog } from './session-log';
import type { World } from './world';

export const LIVE_CYCLE_SECONDS = LIVE_SPAN_MS / 1000;
/** Seconds before this point of the cycle a live call has not been answered (Queued, Ringing). */
export const LIVE_ANSWERED_FROM_SECOND = 90;

export function liveCycleSecond(dateCreated: number, now: number): number {
  const cycle = LIVE_CYCLE_SECONDS;
  return ((Math.trunc((now - dateCreated) / 1000) % cycle) + cycle) % cycle;
}

export type LivePhase = 'Queued' | 'Ringing' | 'Connected' | 'Hold';

/** Where a live call is in its repeating six-minute cycle at `now` (the log spans the first cycle). */
export function livePhase(row: Pick<SessionRow, 'dateCreated'>, now: number): LivePhase {
  const t = liveCycleSecond(row.dateCreated, now);
  if (t < 60) return 'Queued';
  if (t < LIVE_ANSWERED_FROM_SECOND) return 'Ringing';
  if (t < 270) return 'Connected';
  if (t < 330) return 'Hold';
  return 'Connected';
}

const avatar = (name: string) =>
  `https://avatars.example.com/${encodeURIComponent(name.toLowerCase().replace(/\s+/g, '-'))}.png`;

export function expandSession(row: SessionRow, world: World, seed: number, now: number): WireSessionInfo {
  const rng = createRng(seed, row.rid, 2);
  const customer = world.customerById.get(row.customerId);
  const queue = row.queueId ? world.endpoints.get(row.queueId) : undefined;
  const voice = row.channel === 'Voice';
  const callSid = voice ? `CA${hex(rng, 32)}` : undefined;
  const conferenceSid = voice && row.answeredById ? `CF${hex(rng, 32)}` : undefined;
  const phase = row.live ? livePhase(row, now) : undefined;
  const answered = row.live ? phase === 'Connected' || phase === 'Hold' : row.answeredByName !== null;
  const agentOfLiveCall = row.live ? (row.answeredById ?? undefined) : undefined;
  if (row.live && !answered) row = { ...row, answeredById: null, answeredByName: null };
  const log = sessionLog(row, world, seed).filter((line) => !row.live || line.at <= now);
  const lastModified = row.dateCompleted ?? Math.min(now, row.dateCreated + LIVE_SPAN_MS);

  const session: WireSessionInfo = {
    id: row.id,
    dateCreated: toIso(row.dateCreated),
    dateLastModified: toIso(Math.max(row.dateCreated, lastModified)),
    createdBy: 'system',
    lastModifiedBy: 'system',
    dialState: row.live ? 'Active' : 'None',
    callState: row.live ? (phase === 'Queued' ? 'Passive' : phase) : 'Disconnected',
    queueState: row.live ? phase : queue ? 'Disconnected' : 'None',
    accountId: row.accountId,
    accountName: row.accountName,
    customerId: row.customerId,
    customerName: row.customerName,
    customerBreadcrumb: customer?.breadcrumb.map((crumb) => ({ ...crumb })) ?? [],
    endpointId: row.endpointId,
    endpointName: row.endpointName,
    destination: row.direction === 'Outgoing' ? row.toAddress : row.endpointName,
    toAddress: row.toAddress,
    fromAddress: row.fromAddress,
    channel: row.channel,
    direction: row.direction,
    ended: !row.live,
    wasMissed: row.wasMissed === 1,
    displayName: row.fromName ?? row.fromAddress,
    holdReason: 'None',
    log: log.map((line) => ({ date: toIso(line.at), message: line.message })),
    members: members(rng, row, world, answered, phase, agentOfLiveCall),
  };
  if (row.dateCompleted !== null) session.dateCompleted = toIso(row.dateCompleted);
  if (row.fromName !== null) session.fromName = row.fromName;
  if (row.outcome !== null) session.outcome = row.outcome;
  if (answered && row.answeredByName !== null) session.answeredByName = row.answeredByName;
  if (answered && row.answeredById !== null) {
    session.answeredById = row.answeredById;
    session.queueMemberId = row.answeredById;
  }
  if (callSid) session.callSid = callSid;
  if (conferenceSid) session.conferenceSid = conferenceSid;
  if (row.channel === 'Chat')
    session.fromPhoneNumber = row.direction === 'Incoming' ? row.fromAddress : row.toAddress;
  if (row.channel === 'Voice' && row.direction === 'Incoming') session.callbackNumber = row.fromAddress;
  if (queue && (row.live || row.wasMissed)) session.ringQueueId = queue.id;
  if (row.parentId) session.parentSessionId = row.parentId;
  if (row.transferToId) session.mostRecentParticipantCallSid = `CA${hex(rng, 32)}`;
  if (phase === 'Hold') {
    session.holdQueueName = queue?.name ?? 'Hold';
    session.heldByUserId = row.answeredById ?? undefined;
  }
  if (queue) session.consoleData = JSON.stringify({ queue: queue.name, priority: int(rng, 1, 5) });
  return session;
}

function members(
  rng: Rng,
  row: SessionRow,
  world: World,
  answered: boolean,
  phase: ReturnType<typeof livePhase> | undefined,
  agentOfLiveCall: string | undefined,
): WireSessionMemberInfo[] {
  const memberState = (connected: boolean) =>
    !row.live ? 'None' : phase === 'Hold' ? 'Hold' : connected ? 'Connected' : 'Ringing';
  const external: WireSessionMemberInfo = {
    identity: row.direction === 'Incoming' ? row.fromAddress : row.toAddress,
    displayName: (row.direction === 'Incoming' ? row.fromName : row.answeredByName) ?? 'Unknown caller',
    isOriginalMember: row.direction === 'Incoming',
    applicationData: {
      carrier: pick(rng, ['Verizon', 'AT&T', 'T-Mobile', 'Comcast', 'Lumen']),
      region: 'US',
    },
    callState: memberState(phase !== 'Queued'),
    role: 'Caller',
    callSid: `CA${hex(rng, 32)}`,
    muted: false,
  };
  const agentId = row.live
    ? agentOfLiveCall
    : row.direction === 'Incoming'
      ? row.answeredById
      : row.endpointId;
  const agent = agentId ? world.endpoints.get(agentId) : undefined;
  const list: WireSessionMemberInfo[] = [external];
  if (agent && (answered || row.direction === 'Outgoing' || phase === 'Ringing')) {
    list.push({
      identity: agent.address,
      endpointId: agent.id,
      displayName: agent.name,
      isOriginalMember: row.direction === 'Outgoing',
      avatarUrl: avatar(agent.name),
      applicationData: { extension: String(agent.extension), department: 'Customer Care', language: 'en-US' },
      callState: memberState(answered),
      role: 'Agent',
      callSid: `CA${hex(rng, 32)}`,
      muted: row.live === 1 && phase === 'Hold',
    });
  }
  const target = row.transferToId ? world.endpoints.get(row.transferToId) : undefined;
  if (target) {
    list.push({
      identity: target.address,
      endpointId: target.id,
      displayName: target.name,
      isOriginalMember: false,
      avatarUrl: avatar(target.name),
      applicationData: { extension: String(target.extension), transferType: 'warm' },
      callState: 'None',
      role: 'Transfer',
      callSid: `CA${hex(rng, 32)}`,
      muted: false,
    });
  }
  if (row.channel === 'Voice' && row.wasMissed === 0 && !row.live && rng() < 0.08) {
    list.push({
      identity: 'supervisor-monitor',
      displayName: 'Call Monitor',
      isOriginalMember: false,
      applicationData: { mode: 'listen' },
      callState: 'None',
      role: 'None',
      muted: true,
    });
  }
  return list;
}
