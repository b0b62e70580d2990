// decodeSessionsPage against any input: it never throws, a bad field or item never costs the others.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWireSession } from '../../../test/session-factory';
import { parseWireDate } from './decode-page';
import { decodeSessionsPage } from './decode-sessions';
import type { WireSessionInfo } from './session-types';

const isoDate = fc
  .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') })
  .map((ms) => new Date(ms).toISOString());

/** Well-formed wire sessions: every field either absent or of its documented type. */
const wireSessionArb: fc.Arbitrary<WireSessionInfo> = fc.record(
  {
    id: fc.string({ minLength: 1 }),
    dateCreated: isoDate,
    dateCompleted: fc.oneof(isoDate, fc.constant('/Date(1714829000000)/'), fc.string()),
    accountId: fc.string(),
    accountName: fc.string(),
    fromAddress: fc.string(),
    toAddress: fc.string(),
    channel: fc.oneof(fc.constantFrom('Voice', 'Chat', 'Fax'), fc.string()),
    direction: fc.oneof(fc.constantFrom('Incoming', 'Outgoing'), fc.string()),
    callState: fc.string(),
    ended: fc.boolean(),
    wasMissed: fc.boolean(),
    customerBreadcrumb: fc.array(fc.record({ id: fc.string(), name: fc.string() }, { requiredKeys: [] })),
    log: fc.array(fc.record({ date: isoDate, message: fc.string() }, { requiredKeys: [] }), { maxLength: 5 }),
    members: fc.array(
      fc.record(
        {
          identity: fc.string(),
          displayName: fc.string(),
          role: fc.string(),
          muted: fc.boolean(),
          avatarUrl: fc.webUrl(),
          applicationData: fc.dictionary(fc.string(), fc.string()),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);

/** Things that are not session objects at all. */
const junkItem = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.array(fc.anything()),
);

describe('decodeSessionsPage on any input', () => {
  it('never throws on any value', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        decodeSessionsPage(x, 0);
        decodeSessionsPage({ items: [x], totalCount: x }, 0);
        decodeSessionsPage(
          { items: [{ id: 'a', log: x, members: [x], customerBreadcrumb: x, dateCreated: x }] },
          0,
        );
      }),
    );
  });

  it('never throws on random JSON, and returns a well-shaped page', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const page = decodeSessionsPage(JSON.parse(text), 3);
        expect(Array.isArray(page.items)).toBe(true);
        for (const s of page.items) expect(typeof s.id).toBe('string');
      }),
    );
  });

  it('survives any value in any field: that field degrades, the item stays', () => {
    const fields = Object.keys(makeWireSession({}, 0));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...fields, 'id'), fc.anything(), { minKeys: 1 }),
        fc.jsonValue(),
        (item, other) => {
          const page = decodeSessionsPage({ items: [item, other, makeWireSession({ id: 'good' }, 1)] }, 2);
          const first = page.items[0];
          expect(first?.id).toBe(typeof item.id === 'string' && item.id !== '' ? item.id : 'unknown-2-0');
          expect(page.items.at(-1)?.id).toBe('good');
          for (const s of page.items) {
            expect(
              Array.isArray(s.log) && Array.isArray(s.members) && Array.isArray(s.customerBreadcrumb),
            ).toBe(true);
            for (const k of ['fromAddress', 'accountName', 'channel', 'outcome'] as const) {
              expect(['string', 'undefined']).toContain(typeof s[k]);
            }
            for (const k of ['dateCreated', 'dateCompleted'] as const) {
              expect(s[k] === undefined || typeof s[k].raw === 'string').toBe(true);
            }
          }
        },
      ),
    );
  });

  it('keeps every well-formed item, in order, among junk', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(wireSessionArb, junkItem), { maxLength: 20 }),
        fc.nat(50),
        (raw, page) => {
          const decoded = decodeSessionsPage({ items: raw, totalCount: 1234 }, page);
          const kept = raw
            .map((x, index) => ({ x, index }))
            .filter(
              (e): e is { x: WireSessionInfo; index: number } =>
                typeof e.x === 'object' && e.x !== null && !Array.isArray(e.x),
            );
          expect(decoded.items).toHaveLength(kept.length);
          expect(decoded.totalCount).toBe(1234);
          kept.forEach(({ x, index }, i) => {
            const s = decoded.items[i];
            expect(s?.id).toBe(x.id ?? `unknown-${page}-${index}`);
            expect(s?.fromAddress).toBe(x.fromAddress);
            expect(s?.channel).toBe(x.channel);
            expect(s?.ended).toBe(x.ended);
            expect(s?.dateCreated).toEqual(
              x.dateCreated === undefined ? undefined : parseWireDate(x.dateCreated),
            );
            expect(s?.log.map((l) => l.message)).toEqual((x.log ?? []).map((l) => l.message ?? ''));
            expect(s?.members.map((m) => m.displayName)).toEqual((x.members ?? []).map((m) => m.displayName));
            expect(s?.customerBreadcrumb).toEqual(
              (x.customerBreadcrumb ?? []).map((c) => ({ id: c.id, name: c.name })),
            );
          });
        },
      ),
    );
  });
});
