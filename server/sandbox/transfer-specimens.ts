// Specimens of one conversation over three sessions (SANDBOX_SPECIMENS=1): a 10-minute call with a
// 40-line log that waits in a queue while agents are rung, is answered, put on hold and transferred;
// the transfer's leg (its child, `parentSessionId`), which is transferred again (a grandchild).
// Enough for the drawer's story and transfer tree, and for the two-page printout, to be checked.

export const TRANSFER_IDS = {
  call: 'specimen-transfer',
  leg: 'specimen-transfer-leg',
  leg2: 'specimen-transfer-leg-2',
} as const;

export const TRANSFER_CALL_LOG_LINES = 40;
export const TRANSFER_CALLER = { name: 'Jane Doe', number: '+15035550100' } as const;

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Owner {
  accountId?: string;
  accountName?: string;
  customerId?: string;
  customerName?: string;
  customerBreadcrumb?: unknown;
  endpointId?: string;
  endpointName?: string;
}

/** Spreads messages evenly from `start` to `end`. */
function timed(messages: string[], start: number, end: number) {
  const step = (end - start) / Math.max(1, messages.length - 1);
  return messages.map((message, i) => ({ date: iso(Math.round(start + i * step)), message }));
}

const caller = `${TRANSFER_CALLER.number} (${TRANSFER_CALLER.name})`;
const callerMember = {
  identity: TRANSFER_CALLER.number,
  displayName: TRANSFER_CALLER.name,
  role: 'Caller',
  callState: 'None',
  isOriginalMember: true,
};

export function buildTransferSpecimens(created: number, owner: Owner, agents: string[]) {
  const rung = [
    'Avery Brooks',
    'Noah Patel',
    'Mia Chen',
    'Liam Garcia',
    'Emma Rossi',
    'Lucas Meyer',
    ...agents,
  ];
  const answeredBy = 'Olivia Cohen';
  const queue = 'Support Queue';
  const callEnd = created + 10 * MINUTE;
  const messages = [
    `Incoming call from ${caller} to Support Line +15035550199`,
    'Started flow "Support Main IVR"',
    'Business hours check: open',
    'Played greeting "Thank you for calling. This call may be recorded."',
    'Caller pressed 2: Support',
    `Entered queue "${queue}" at position 9`,
    'Playing hold music',
  ];
  for (let i = 0; i < 8; i++) {
    const agent = rung[i % 6] ?? 'Agent';
    messages.push(
      `Ringing agent ${agent} (ext ${101 + (i % 6)})`,
      `No answer from ${agent} after 20 seconds`,
      `Caller is now at position ${8 - i} in queue "${queue}"`,
    );
  }
  messages.push(
    `Ringing agent ${answeredBy} (ext 107)`,
    `Call answered by ${answeredBy}`,
    'Recording started',
    `${answeredBy} placed the caller on hold`,
    `${answeredBy} resumed the call`,
    `${answeredBy} started a warm transfer to Billing`,
    'Transfer to Billing connected',
    `${answeredBy} left the conference`,
    'Call ended after 10m 00s',
  );
  const call = {
    id: TRANSFER_IDS.call,
    dateCreated: iso(created),
    dateLastModified: iso(callEnd),
    dateCompleted: iso(callEnd),
    ...owner,
    dialState: 'None',
    callState: 'Disconnected',
    queueState: 'Disconnected',
    channel: 'Voice',
    direction: 'Incoming',
    fromAddress: TRANSFER_CALLER.number,
    fromName: TRANSFER_CALLER.name,
    displayName: TRANSFER_CALLER.name,
    callbackNumber: TRANSFER_CALLER.number,
    toAddress: '+15035550199',
    destination: 'Support Line',
    answeredByName: answeredBy,
    outcome: 'Answered',
    wasMissed: false,
    ended: true,
    holdReason: 'None',
    log: timed(messages, created, callEnd),
    members: [
      callerMember,
      { identity: 'client:olivia', displayName: answeredBy, role: 'Agent', callState: 'None' },
      { identity: 'client:billing', displayName: 'Billing', role: 'Transfer', callState: 'None' },
    ],
  };

  const legStart = created + 8 * MINUTE;
  const legEnd = legStart + 6 * MINUTE;
  const leg = {
    ...call,
    id: TRANSFER_IDS.leg,
    parentSessionId: TRANSFER_IDS.call,
    dateCreated: iso(legStart),
    dateLastModified: iso(legEnd),
    dateCompleted: iso(legEnd),
    queueState: 'None',
    toAddress: 'client:billing',
    endpointName: 'Billing',
    destination: 'Billing',
    answeredByName: 'Marcus Lee',
    log: timed(
      [
        `Transferred from session ${TRANSFER_IDS.call}: call from ${caller} arrived for Billing`,
        'Ringing Billing',
        'Call answered by Marcus Lee',
        'Joined conference with caller',
        'Marcus Lee started a cold transfer to Escalations',
        'Call ended after 6m 00s',
      ],
      legStart,
      legEnd,
    ),
    members: [callerMember, { identity: 'client:marcus', displayName: 'Marcus Lee', role: 'Agent' }],
  };

  const leg2Start = legEnd - MINUTE;
  const leg2End = leg2Start + 3 * MINUTE;
  const leg2 = {
    ...leg,
    id: TRANSFER_IDS.leg2,
    parentSessionId: TRANSFER_IDS.leg,
    dateCreated: iso(leg2Start),
    dateLastModified: iso(leg2End),
    dateCompleted: iso(leg2End),
    toAddress: 'client:escalations',
    endpointName: 'Escalations',
    destination: 'Escalations',
    answeredByName: 'Priya Nair',
    log: timed(
      [
        `Transferred from session ${TRANSFER_IDS.leg}: call from ${caller} arrived for Escalations`,
        'Ringing Escalations',
        'Call answered by Priya Nair',
        'Joined conference with caller',
        'Caller hung up',
        'Call ended after 3m 00s',
      ],
      leg2Start,
      leg2End,
    ),
    members: [callerMember, { identity: 'client:priya', displayName: 'Priya Nair', role: 'Agent' }],
  };
  return [
    { wire: call, createdMs: created },
    { wire: leg, createdMs: legStart },
    { wire: leg2, createdMs: leg2Start },
  ];
}
