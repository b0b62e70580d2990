// The flow log of a generated session: messages that read like an Evo Voice call flow, with
// timestamps spread between creation and completion. Derived only from the stored row and the seed,
// so the build (which stores the text for `log` search) and every read produce the same lines.
import { CHAT_OPENERS, CHAT_REPLIES } from './names';
import { chance, createRng, int, pick, type Rng } from './prng';
import type { SessionRow } from './generate-sessions';
import type { World } from './world';

export interface LogLine {
  /** Epoch ms. */
  at: number;
  message: string;
}

const MAX_LINES = 60;
/** Live calls spread their log over this span; lines later than the clock are not shown yet. */
export const LIVE_SPAN_MS = 6 * 60 * 1000;

export function sessionLog(row: SessionRow, world: World, seed: number): LogLine[] {
  const rng = createRng(seed, row.rid, 3);
  const messages =
    row.channel === 'Chat'
      ? chatFlow(rng, row, world)
      : row.channel === 'Fax'
        ? faxFlow(rng, row)
        : row.direction === 'Outgoing'
          ? outboundFlow(rng, row)
          : inboundFlow(rng, row, world);
  const lines = messages.slice(0, MAX_LINES);
  // Random gaps scaled to the session's duration: the first line at creation, the last at completion.
  const end = row.dateCompleted ?? row.dateCreated + LIVE_SPAN_MS;
  const gaps = lines.map((_, i) => (i === 0 ? 0 : 0.2 + rng()));
  const total = gaps.reduce((a, b) => a + b, 0) || 1;
  let acc = 0;
  return lines.map((message, i) => {
    acc += gaps[i] ?? 0;
    return { at: row.dateCreated + Math.round(((end - row.dateCreated) * acc) / total), message };
  });
}

export function logText(lines: LogLine[]): string {
  return lines.map((line) => line.message).join('\n');
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

function inboundFlow(rng: Rng, row: SessionRow, world: World): string[] {
  const customer = world.customerById.get(row.customerId);
  const queue = row.queueId ? world.endpoints.get(row.queueId) : undefined;
  const queueName = queue?.name ?? 'Main Queue';
  const agents = customer?.agents ?? [];
  const caller = row.fromName ? `${row.fromAddress} (${row.fromName})` : row.fromAddress;
  const out: string[] = [];
  if (row.parentId) {
    out.push(`Transferred from session ${row.parentId}: call from ${caller} arrived for ${row.endpointName}`);
    out.push(`Ringing ${row.endpointName}`);
    if (row.answeredByName) {
      out.push(`Call answered by ${row.answeredByName}`, 'Joined conference with caller');
      out.push(chance(rng, 0.5) ? 'Caller hung up' : `${row.answeredByName} hung up`);
    } else {
      out.push(
        `No answer from ${row.endpointName} after 30 seconds`,
        'Transfer failed, returning caller to voicemail',
      );
    }
    out.push(`Call ended after ${duration((row.dateCompleted ?? row.dateCreated) - row.dateCreated)}`);
    return out;
  }
  const digit = int(rng, 1, 4);
  out.push(`Incoming call from ${caller} to ${row.endpointName} ${row.toAddress}`);
  out.push(`Started flow "${row.customerName} Main IVR"`);
  out.push('Business hours check: open');
  out.push(`Played greeting "Thank you for calling ${row.customerName}. This call may be recorded."`);
  if (chance(rng, 0.15)) out.push('Caller pressed 9: invalid choice, replaying menu');
  out.push(`Caller pressed ${digit}: ${queueName.replace(/ Queue$/, '')}`);
  const position = int(rng, 1, 9);
  out.push(`Entered queue "${queueName}" at position ${position}`);
  out.push('Playing hold music');
  const rounds = row.outcome === 'Abandoned' || row.outcome === 'Missed' ? int(rng, 2, 12) : int(rng, 0, 10);
  let pos = position;
  for (let i = 0; i < rounds && agents.length > 0; i++) {
    const agent = pick(rng, agents);
    out.push(`Ringing agent ${agent.name} (ext ${agent.extension})`);
    out.push(`No answer from ${agent.name} after ${int(rng, 15, 30)} seconds`);
    if (pos > 1 && chance(rng, 0.6)) out.push(`Caller is now at position ${--pos} in queue "${queueName}"`);
    if (chance(rng, 0.3)) out.push('Played announcement "Your call is important to us"');
  }
  if (row.live) {
    const agent = row.answeredByName ?? 'Agent';
    out.push(`Ringing agent ${agent}`, `Call answered by ${agent}`, 'Recording started');
    out.push(`${agent} placed the caller on hold`, `${agent} resumed the call`);
    return out;
  }
  if (row.answeredByName) {
    out.push(`Ringing agent ${row.answeredByName}`);
    out.push(`Call answered by ${row.answeredByName}`);
    out.push('Recording started');
    if (chance(rng, 0.3)) {
      out.push(`${row.answeredByName} placed the caller on hold`, `${row.answeredByName} resumed the call`);
    }
    const target = row.transferToId ? world.endpoints.get(row.transferToId) : undefined;
    if (target) {
      out.push(`${row.answeredByName} started a warm transfer to ${target.name}`);
      out.push(`Transfer to ${target.name} connected`, `${row.answeredByName} left the conference`);
    } else {
      out.push(chance(rng, 0.55) ? 'Caller hung up' : `${row.answeredByName} hung up`);
    }
  } else if (row.outcome === 'Voicemail') {
    out.push('No agent answered within the queue timeout', 'Sent caller to voicemail');
    out.push(
      `Voicemail recorded (${int(rng, 8, 120)} seconds)`,
      `Voicemail emailed to the ${queueName} group`,
    );
  } else if (row.outcome === 'Abandoned') {
    out.push('Caller hung up while waiting in queue');
  } else {
    out.push('Queue timed out: no agents available', 'Played "Sorry, all our agents are busy. Goodbye."');
  }
  out.push(`Call ended after ${duration((row.dateCompleted ?? row.dateCreated) - row.dateCreated)}`);
  return out;
}

function outboundFlow(rng: Rng, row: SessionRow): string[] {
  const out = [
    `Outbound call by ${row.endpointName} from ${row.fromAddress}`,
    `Dialing ${row.toAddress}`,
    'Caller ID set to the customer main line',
    'Ringing',
  ];
  if (row.outcome === 'Answered') {
    out.push(`Call answered by ${row.answeredByName ?? row.toAddress}`, 'Recording started');
    if (chance(rng, 0.2))
      out.push(`${row.endpointName} placed the call on hold`, `${row.endpointName} resumed the call`);
    out.push(chance(rng, 0.5) ? `${row.endpointName} hung up` : 'Remote party hung up');
  } else if (row.outcome === 'Busy') {
    out.push('Remote party is busy');
  } else if (row.outcome === 'Failed') {
    out.push(`Carrier rejected the call (SIP ${pick(rng, ['403', '404', '480', '503'])})`);
  } else {
    out.push(`No answer after ${int(rng, 25, 45)} seconds`);
  }
  out.push(`Call ended after ${duration((row.dateCompleted ?? row.dateCreated) - row.dateCreated)}`);
  return out;
}

function chatFlow(rng: Rng, row: SessionRow, world: World): string[] {
  const queue = row.queueId ? world.endpoints.get(row.queueId) : undefined;
  const out = [
    row.direction === 'Incoming'
      ? `Incoming SMS chat from ${row.fromAddress} to ${row.endpointName}`
      : `${row.endpointName} started an SMS chat with ${row.toAddress}`,
    `Message received: "${pick(rng, CHAT_OPENERS)}"`,
  ];
  if (queue) out.push(`Chat placed in queue "${queue.name}"`);
  if (row.answeredByName) {
    out.push(`Chat assigned to ${row.answeredByName}`);
    const turns = int(rng, 0, 6);
    for (let i = 0; i < turns; i++) {
      out.push(
        `${row.answeredByName} replied: "${pick(rng, CHAT_REPLIES)}"`,
        `Message received: "${pick(rng, CHAT_OPENERS)}"`,
      );
    }
    out.push(`Chat closed by ${row.answeredByName}`);
  } else {
    out.push(
      'No agent accepted the chat',
      'Sent auto-reply "We will get back to you shortly"',
      'Chat closed',
    );
  }
  return out;
}

function faxFlow(rng: Rng, row: SessionRow): string[] {
  const pages = int(rng, 1, 14);
  if (row.direction === 'Incoming') {
    return [
      `Incoming fax from ${row.fromAddress} to ${row.endpointName}`,
      'Fax negotiation complete (14400 bps)',
      ...(row.outcome === 'Failed'
        ? ['Fax transmission interrupted', 'Fax failed: remote hung up']
        : [`Received ${pages} pages`, 'Fax delivered to email as PDF']),
    ];
  }
  return [
    `${row.endpointName} queued an outbound fax to ${row.toAddress}`,
    `Dialing ${row.toAddress}`,
    ...(row.outcome === 'Failed'
      ? ['Fax failed: no fax tone detected']
      : [`Sent ${pages} pages`, 'Fax confirmed by receiver']),
  ];
}
