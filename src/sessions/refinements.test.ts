import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSummary } from './api/decode-page';
import type { SessionSummary } from './api/session';
import { addToCounts, refinementPredicate } from './refinement-match';
import {
  emptyCounts,
  hasRefinements,
  parseRefinements,
  refinementsKey,
  serializeRefinements,
  type Refinements,
} from './refinements';

const ANCHOR = Date.parse('2026-11-27T15:00:00Z');
const session = (wire: Record<string, unknown>): SessionSummary => decodeSummary(wire, 'x');
const at = (secondsBefore: number) => new Date(ANCHOR - secondsBefore * 1000).toISOString();
const parse = (raw: Record<string, string>) => parseRefinements((k) => raw[k]?.trim());

describe('parseRefinements', () => {
  it('reads every key of the link format', () => {
    expect(
      parse({
        missed: '1',
        outcome: 'Answered, voicemail',
        channel: 'voice,FAX',
        direction: 'incoming',
        minDuration: '30',
        maxDuration: '600',
      }),
    ).toEqual({
      refinements: {
        missed: true,
        outcome: ['Answered', 'voicemail'],
        channel: ['Voice', 'Fax'],
        direction: 'Incoming',
        minDuration: 30,
        maxDuration: 600,
      },
      notices: [],
    });
    expect(parse({ missed: '0' }).refinements).toEqual({ missed: false });
  });

  it('drops invalid values with a notice, and swaps reversed durations', () => {
    const { refinements, notices } = parse({
      missed: 'maybe',
      direction: 'sideways',
      minDuration: '-5',
      maxDuration: '1.5',
    });
    expect(refinements).toEqual({});
    expect(notices).toHaveLength(4);
    expect(parse({ minDuration: '60', maxDuration: '10' })).toEqual({
      refinements: { minDuration: 10, maxDuration: 60 },
      notices: ['The longest duration was below the shortest: swapped them.'],
    });
  });

  it('round-trips through the link, and never throws on any text', () => {
    const refinementsArb: fc.Arbitrary<Refinements> = fc.record(
      {
        missed: fc.boolean(),
        outcome: fc.uniqueArray(fc.constantFrom('Answered', 'Missed', 'Voicemail', 'Weird-New'), {
          minLength: 1,
          maxLength: 3,
        }),
        channel: fc.uniqueArray(fc.constantFrom('Voice', 'Chat', 'Fax'), { minLength: 1, maxLength: 3 }),
        direction: fc.constantFrom('Incoming', 'Outgoing'),
        minDuration: fc.integer({ min: 0, max: 3600 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(refinementsArb, (r) => {
        const raw = serializeRefinements(r);
        expect(parse(raw as Record<string, string>)).toEqual({ refinements: r, notices: [] });
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('missed', 'outcome', 'minDuration'), fc.string()), (raw) => {
        expect(() => parse(raw)).not.toThrow();
      }),
    );
  });

  it('keys the same meaning the same way', () => {
    expect(refinementsKey({ outcome: ['answered'] })).toBe(refinementsKey({ outcome: ['Answered'] }));
    expect(refinementsKey({ missed: false })).not.toBe(refinementsKey({}));
    expect(hasRefinements({ missed: false })).toBe(true);
    expect(hasRefinements({})).toBe(false);
  });
});

describe('refinementPredicate', () => {
  it('matches missed as the API states it; unknown is not missed', () => {
    const missed = refinementPredicate({ missed: true }, ANCHOR);
    const notMissed = refinementPredicate({ missed: false }, ANCHOR);
    expect(missed(session({ id: 'a', wasMissed: true }))).toBe(true);
    expect(missed(session({ id: 'b', wasMissed: false }))).toBe(false);
    expect(missed(session({ id: 'c' }))).toBe(false);
    expect(notMissed(session({ id: 'c' }))).toBe(true);
  });

  it('matches outcomes case-insensitively, unknown values included; a missing outcome matches none', () => {
    const p = refinementPredicate({ outcome: ['answered', 'Escalated-To-Mars'] }, ANCHOR);
    expect(p(session({ id: 'a', outcome: 'Answered' }))).toBe(true);
    expect(p(session({ id: 'b', outcome: 'escalated-to-mars' }))).toBe(true);
    expect(p(session({ id: 'c', outcome: 'Voicemail' }))).toBe(false);
    expect(p(session({ id: 'd' }))).toBe(false);
  });

  it('matches channel and direction, and all refinements together', () => {
    const p = refinementPredicate({ channel: ['Voice'], direction: 'Incoming', missed: true }, ANCHOR);
    expect(p(session({ id: 'a', channel: 'voice', direction: 'Incoming', wasMissed: true }))).toBe(true);
    expect(p(session({ id: 'b', channel: 'Voice', direction: 'Outgoing', wasMissed: true }))).toBe(false);
    expect(p(session({ id: 'c', direction: 'Incoming', wasMissed: true }))).toBe(false);
  });

  it('measures an ended session from created to completed, in whole seconds, bounds inclusive', () => {
    const p = refinementPredicate({ minDuration: 60, maxDuration: 120 }, ANCHOR);
    const call = (secs: number) =>
      session({ id: 'a', ended: true, dateCreated: at(1000), dateCompleted: at(1000 - secs) });
    expect(p(call(59))).toBe(false);
    expect(p(call(60))).toBe(true);
    expect(p(call(120))).toBe(true);
    expect(p(call(121))).toBe(false);
  });

  it("runs a live session's duration to the view's anchor, not to the clock", () => {
    const live = session({ id: 'a', ended: false, dateCreated: at(90) });
    expect(refinementPredicate({ minDuration: 90 }, ANCHOR)(live)).toBe(true);
    expect(refinementPredicate({ maxDuration: 89 }, ANCHOR)(live)).toBe(false);
    // The same session seen by a view anchored a minute earlier is 30 s long.
    expect(refinementPredicate({ maxDuration: 30 }, ANCHOR - 60_000)(live)).toBe(true);
  });

  it('does not match a duration bound when the duration is unknown', () => {
    const p = refinementPredicate({ maxDuration: 1_000_000 }, ANCHOR);
    expect(p(session({ id: 'a', ended: true, dateCreated: at(10) }))).toBe(false);
    expect(p(session({ id: 'b', ended: true, dateCreated: 'garbage', dateCompleted: at(0) }))).toBe(false);
    expect(p(session({ id: 'c', ended: true, dateCreated: at(0), dateCompleted: at(10) }))).toBe(false);
  });

  it('with no refinements, matches everything; never throws on odd sessions', () => {
    const wire = fc.record(
      {
        id: fc.string(),
        wasMissed: fc.oneof(fc.boolean(), fc.constant(null), fc.string()),
        outcome: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        channel: fc.oneof(fc.string(), fc.constant(null)),
        ended: fc.oneof(fc.boolean(), fc.constant(null)),
        dateCreated: fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        dateCompleted: fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
      },
      { requiredKeys: [] },
    );
    const all = refinementPredicate({}, ANCHOR);
    const many = refinementPredicate(
      {
        missed: true,
        outcome: ['x'],
        channel: ['Voice'],
        direction: 'Incoming',
        minDuration: 1,
        maxDuration: 9,
      },
      ANCHOR,
    );
    fc.assert(
      fc.property(wire, (w) => {
        const s = session(w);
        expect(all(s)).toBe(true);
        expect(typeof many(s)).toBe('boolean');
      }),
    );
  });
});

describe('counts', () => {
  it('counts missed and each value seen, unknown ones included', () => {
    const counts = emptyCounts();
    for (const w of [
      { id: 'a', wasMissed: true, outcome: 'Missed', channel: 'Voice', direction: 'Incoming' },
      { id: 'b', outcome: 'Answered', channel: 'Voice', direction: 'Outgoing' },
      { id: 'c', outcome: 'Teleported', channel: 'Hologram' },
      { id: 'd' },
    ])
      addToCounts(counts, session(w));
    expect(counts).toEqual({
      sessions: 4,
      missed: 1,
      outcome: { Missed: 1, Answered: 1, Teleported: 1 },
      channel: { Voice: 2, Hologram: 1 },
      direction: { Incoming: 1, Outgoing: 1 },
    });
  });
});
