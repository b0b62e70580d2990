import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizePhoneSearch } from './phone-search';

describe('normalizePhoneSearch', () => {
  it.each([
    ['+1 (503) 555-1234', '+15035551234'],
    ['503.555.1234', '5035551234'],
    ['503 555', '503555'],
    ['(503) 555-', '503555'],
    ['+1 503', '+1503'],
    ['  503-555  ', '503555'],
    ['5035551234', '5035551234'],
  ])('searches %s as %s', (typed, sent) => {
    expect(normalizePhoneSearch(typed)).toBe(sent);
  });

  it.each(['sip:alice@example.com', 'client:agent-7', 'Ada Lovelace', '1-800-FLOWERS', '+', '()', 'ext 12'])(
    'leaves %s as typed',
    (typed) => {
      expect(normalizePhoneSearch(typed)).toBe(typed);
    },
  );

  const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 15 });
  const separator = fc.constantFrom(' ', '-', '.', '/', '(', ')', '\u00a0', '');

  /** The digits written with separators between (and around) them, as people write numbers. */
  const formatted = (d: string) =>
    fc
      .array(separator, { minLength: d.length + 1, maxLength: d.length + 1 })
      .map((seps) => seps[0] + [...d].map((c, i) => c + seps[i + 1]).join(''));

  it('finds a formatted number by the same digits as its plain form', () => {
    fc.assert(
      fc.property(
        digits.chain((d) => fc.tuple(fc.constant(d), formatted(d), fc.boolean())),
        ([d, typed, plus]) => {
          const prefix = plus ? '+' : '';
          expect(normalizePhoneSearch(prefix + typed.trim())).toBe(prefix + d);
          expect(normalizePhoneSearch(prefix + d)).toBe(prefix + d);
        },
      ),
    );
  });

  it('is idempotent and never changes text with a letter in it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const once = normalizePhoneSearch(s);
        expect(normalizePhoneSearch(once)).toBe(once);
        if (/[a-z:@]/i.test(s)) expect(once).toBe(s);
      }),
    );
  });
});
