import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSessionsPage } from './api/decode-sessions';
import { SPECIMEN_IDS, specimenWire } from '../../test/sandbox-sessions';
import { maskPhoneNumber, maskSession, nameInitials, textMasker } from './mask';

describe('masking caller details', () => {
  const mask = textMasker(['Jane Doe']);

  it('keeps the last four digits of any number of 7 or more digits, however it is written', () => {
    for (const n of ['+15035550100', '+1 503 555 0100', '(503) 555-0100', '503.555.0100', '555-0100'])
      expect(mask(`call from ${n} today`)).toBe('call from •••• 0100 today');
    expect(maskPhoneNumber('+1 (503) 555-0100')).toBe('•••• 0100');
  });

  it('leaves shorter numbers, ids and times alone', () => {
    expect(mask('ext 104, 12:31, position 3')).toBe('ext 104, 12:31, position 3');
    expect(mask('CA0123456789abcdef0123456789abcdef')).toBe('CA0123456789abcdef0123456789abcdef');
  });

  it("turns the caller's name into initials", () => {
    expect(nameInitials('Jane Doe')).toBe('J. D.');
    expect(mask('Incoming call from +15035550100 (Jane Doe)')).toBe('Incoming call from •••• 0100 (J. D.)');
  });

  it('masks a whole session: no full number or name left anywhere, ids kept', () => {
    const now = Date.parse('2026-11-27T15:00:00.000Z');
    const wire = specimenWire(now).get(SPECIMEN_IDS.transfer);
    const session = decodeSessionsPage({ items: [wire] }, 0).items[0]!;
    const masked = maskSession(session);
    // Dates are not caller details (and their epoch ms are long digit runs).
    const json = JSON.stringify(masked, (key, v: unknown) => (key.startsWith('date') ? undefined : v));
    expect(json).not.toMatch(/\d{7}/);
    expect(json).not.toContain('Jane');
    expect(json).not.toContain('Doe');
    expect(json).toContain('•••• 0100');
    expect(json).toContain('J. D.');
    expect(masked.id).toBe(session.id);
    expect(masked.log).toHaveLength(session.log.length);
    // Agents are not the caller: their names stay.
    expect(json).toContain('Olivia Cohen');
  });

  it('leaves no run of 7 digits in any text (fast-check)', () => {
    const sep = fc.constantFrom('', ' ', '-', '.', '(', ')', '+');
    const number = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 9 }), sep), { minLength: 7, maxLength: 15 })
      .map((parts) => parts.map(([d, s]) => `${d}${s}`).join(''));
    fc.assert(
      fc.property(fc.string(), number, fc.string(), (a, n, b) => {
        const out = mask(`${a} ${n} ${b}`);
        expect(out.replace(/\D/g, '').length).toBeLessThanOrEqual(`${a}${b}`.replace(/\D/g, '').length + 4);
      }),
    );
  });
});
