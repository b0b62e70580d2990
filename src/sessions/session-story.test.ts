import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSessionsPage } from './api/decode-sessions';
import type { Session } from './api/session';
import { generatedWire, HOSTILE, SPECIMEN_IDS, specimenWire } from '../../test/sandbox-sessions';
import { matchLogLine } from './log-facts';
import { fromText } from './session-display';
import { formatOffsetFrom } from '../lib/format';
import { sessionStory, storyText, type SessionStory } from './session-story';

const NOW = Date.parse('2026-11-27T15:00:00.000Z');
const decode = (wire: unknown): Session => {
  const s = decodeSessionsPage({ items: [wire] }, 0).items[0];
  if (!s) throw new Error('not decoded');
  return s;
};
const specimens = new Map([...specimenWire(NOW)].map(([id, wire]) => [id, decode(wire)]));
const specimen = (id: string) => specimens.get(id)!;
const story = (s: Session, transfers?: number) => sessionStory(s, { zone: 'utc', now: NOW, transfers });

/**
 * What a story may say, checked against the session: each value it names is in the fields (or the
 * from text built of them), each linked line exists and matches a pattern, and the sentences that
 * come from one source only appear when that source is there.
 */
function expectOnlyFacts(s: Session, st: SessionStory) {
  const text = storyText(st);
  const fields = new Set(
    Object.values(s)
      .filter((v): v is string => typeof v === 'string')
      .concat(fromText(s) ?? []),
  );
  const logText = s.log.map((l) => l.message).join('\n');
  for (const part of st.sentences.flat()) {
    if (part.value) expect(fields.has(part.text) || logText.includes(part.text)).toBe(true);
    for (const line of part.lines ?? []) {
      const entry = s.log[line];
      expect(entry).toBeDefined();
      expect(matchLogLine(entry!.message)).toBeDefined();
    }
  }
  if (text.includes('Answered by'))
    expect(s.answeredByName !== undefined || /^Call answered by /m.test(logText)).toBe(true);
  if (/\bMissed\.$|Missed\. /.test(text)) expect(s.wasMissed === true || s.outcome === 'Missed').toBe(true);
  if (/agents? (was|were) rung/.test(text)) expect(logText).toMatch(/^Ringing agent /m);
  if (text.includes('transferred to')) expect(logText).toMatch(/started a (\w+ )?transfer to /);
  if (text.includes('hung up')) expect(logText).toMatch(/hung up/);
  if (text.includes('voicemail')) expect(logText).toContain('Sent caller to voicemail');
  for (const f of st.figures) expect(f.value).toMatch(/^(\d+:)?\d+:\d\d$|^\d+$/);
}

describe('the story of the specimen sessions', () => {
  it('tells the 10-minute call: queue, agents rung, answer, transfer, end; with its figures', () => {
    const s = specimen(SPECIMEN_IDS.transfer);
    const st = story(s, 1);
    const text = storyText(st);
    expect(text).toMatch(/^Incoming call from Jane Doe \(\+15035550100\) to .+, .*2026.*\./);
    expect(text).toContain('in Support Queue while 7 agents were rung.');
    expect(text).toMatch(
      /Answered by Olivia Cohen after \d+:\d\d, transferred to Billing at \d+:\d\d, ended after 10:00\./,
    );
    expect(text).not.toContain('Missed');
    expect(st.figures.map((f) => f.label)).toEqual(['Wait', 'Ring', 'Talk', 'Hold', 'Total', 'Transfers']);
    expect(st.figures.find((f) => f.key === 'total')?.value).toBe('10:00');
    expect(st.figures.find((f) => f.key === 'transfers')?.value).toBe('1');
    // "7 agents were rung" (the one who answered included) links the nine "Ringing agent" lines.
    const rung = st.sentences.flat().find((p) => p.text === '7 agents were rung');
    expect(rung?.lines?.map((i) => s.log[i]?.message.startsWith('Ringing agent'))).toEqual(
      Array(9).fill(true),
    );
    expectOnlyFacts(s, st);
  });

  it('names the parent of a transferred leg, from its log line', () => {
    const st = story(specimen(SPECIMEN_IDS.transferLeg));
    const parent = st.sentences.flat().find((p) => p.session);
    expect(parent).toMatchObject({ text: SPECIMEN_IDS.transfer, session: SPECIMEN_IDS.transfer, lines: [0] });
    expect(storyText(st)).toContain('Answered by Marcus Lee after');
  });

  it('keeps hostile strings as text, unchanged', () => {
    const s = specimen(SPECIMEN_IDS.hostile);
    const st = story(s);
    const values = st.sentences
      .flat()
      .filter((p) => p.value)
      .map((p) => p.text)
      .join(' ');
    expect(values).toContain(s.fromName!);
    expect(storyText(st)).toContain(HOSTILE.img.slice(0, 10));
    expectOnlyFacts(s, st);
  });

  it('survives odd enums, odd dates and a session with almost nothing', () => {
    for (const id of [
      SPECIMEN_IDS.oddEnums,
      SPECIMEN_IDS.oddDates,
      SPECIMEN_IDS.sparse,
      SPECIMEN_IDS.hugeLog,
    ]) {
      const s = specimen(id);
      const st = story(s);
      expect(storyText(st).length).toBeGreaterThan(5);
      expectOnlyFacts(s, st);
    }
    expect(storyText(story(specimen(SPECIMEN_IDS.sparse)))).toMatch(/^Session, .*2026.*\.$/);
    expect(storyText(story(specimen(SPECIMEN_IDS.oddEnums)))).toContain('Video session');
  });
});

describe('the story of generated sandbox sessions', () => {
  const sessions = generatedWire(3000, NOW, 7).map(decode);

  it('states only facts of each session, for every kind the generator makes', () => {
    for (const s of sessions) expectOnlyFacts(s, story(s));
  });

  it("times what happened as the log's offsets do (between whole seconds)", () => {
    const seconds = (t: string) => t.split(':').reduce((n, p) => n * 60 + Number(p), 0);
    let checked = 0;
    for (const s of sessions) {
      for (const part of story(s).sentences.flat()) {
        const time = / (?:after|at) (\d+:\d\d(?::\d\d)?)$/.exec(part.text)?.[1];
        const at = part.lines?.length === 1 ? s.log[part.lines[0]!]?.date?.ms : undefined;
        if (!time || at === undefined || s.dateCreated?.ms === undefined) continue;
        const logOffset = formatOffsetFrom(at, s.dateCreated.ms).slice(1);
        expect(seconds(time), `${part.text} / log +${logOffset}`).toBe(seconds(logOffset));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('says "nobody answered and the caller hung up" for abandoned calls, and Missed when missed', () => {
    const abandoned = sessions.find(
      (s) => s.outcome === 'Abandoned' && s.log.some((l) => l.message.startsWith('Ringing agent')),
    );
    expect(abandoned).toBeDefined();
    const text = storyText(story(abandoned!));
    expect(text).toMatch(
      /Waited \d+:\d\d in .+ while \d+ agents? (was|were) rung; nobody answered and the caller hung up while waiting\./,
    );
    if (abandoned!.wasMissed) expect(text).toContain('Missed.');
  });

  it('links a transferred leg to its parent session', () => {
    const leg = sessions.find((s) => s.parentSessionId);
    expect(leg).toBeDefined();
    const parent = story(leg!)
      .sentences.flat()
      .find((p) => p.session);
    expect(parent?.session).toBe(leg!.parentSessionId);
  });
});

describe('the story of arbitrary sessions (fast-check)', () => {
  const text = fc.oneof(
    fc.string(),
    fc.constantFrom(...Object.values(HOSTILE)),
    fc.constantFrom('Caller', 'Jane Doe'),
  );
  const message = fc.oneof(
    fc.string(),
    text.map((t) => `Ringing agent ${t}`),
    text.map((t) => `Call answered by ${t}`),
    text.map((t) => `Entered queue "${t}" at position 2`),
    text.map((t) => `${t} placed the caller on hold`),
    text.map((t) => `${t} resumed the call`),
    text.map((t) => `${t} started a warm transfer to ${t}`),
    text.map((t) => `${t} hung up`),
    fc.constantFrom(
      'Caller hung up while waiting in queue',
      'Sent caller to voicemail',
      'Queue timed out: no agents available',
    ),
    fc.string().map((t) => `Transferred from session ${t}`),
  );
  const date = fc.oneof(
    fc.integer({ min: NOW - 86_400_000, max: NOW }).map((ms) => new Date(ms).toISOString()),
    fc.string(),
  );
  const wire = fc.record(
    {
      id: fc.string(),
      dateCreated: date,
      dateCompleted: date,
      ended: fc.boolean(),
      wasMissed: fc.boolean(),
      outcome: text,
      channel: fc.oneof(fc.constantFrom('Voice', 'Chat', 'Fax'), text),
      direction: fc.oneof(fc.constantFrom('Incoming', 'Outgoing'), text),
      fromName: text,
      fromAddress: text,
      toAddress: text,
      endpointName: text,
      answeredByName: text,
      log: fc.array(fc.record({ date, message }), { maxLength: 30 }),
    },
    { requiredKeys: [] },
  );

  it('never throws and never states a fact absent from the data', () => {
    fc.assert(
      fc.property(wire, fc.option(fc.nat(20), { nil: undefined }), (w, transfers) => {
        const s = decode(w);
        expectOnlyFacts(s, story(s, transfers));
      }),
      { numRuns: 500 },
    );
  });
});
