import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../../test/hostile-strings';
import { csvField, csvRecord } from './csv';

// papaparse is the independent reader: what a spreadsheet or a script will make of the file.
function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** What a spreadsheet would read as a formula. */
const startsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);

/** The cell as written, minus the escape: what the user's data was. */
const unescape = (cell: string, original: string) =>
  startsFormula(original) ? (expect(cell.startsWith("'")).toBe(true), cell.slice(1)) : cell;

const specimens = [
  ...Object.values(HOSTILE),
  '=1+1',
  '+SUM(A1:A2)',
  '-2+3',
  '@cmd',
  '\t=1',
  '\r=1',
  '=\n1',
  '=1\r\n2',
  '"quoted", with comma',
  'line\nbreak',
  'carriage\rreturn',
  '',
  ' ',
  "'already quoted",
];

describe('CSV fields', () => {
  it('round-trips every hostile specimen, and none starts a formula', () => {
    const text = specimens.map((s) => csvRecord([s, 'after'])).join('');
    const rows = parse(text.replace(/\r\n$/, ''));
    expect(rows).toHaveLength(specimens.length);
    rows.forEach((row, i) => {
      const original = specimens[i]!;
      expect(row).toHaveLength(2);
      expect(startsFormula(row[0]!)).toBe(false);
      expect(unescape(row[0]!, original)).toBe(original);
      expect(row[1]).toBe('after');
    });
  });

  it('escapes triggers, line breaks included, inside quotes', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=\n1')).toBe(`"'=\n1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('@a,b')).toBe(`"'@a,b"`);
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(HOSTILE.formula)).toBe(`"'${HOSTILE.formula.replace(/"/g, '""')}"`);
  });

  it('keeps phone numbers and plain numbers as they are', () => {
    for (const n of ['+15035551234', '-3.5', '+0', '15035551234', '-12', '3.14']) expect(csvField(n)).toBe(n);
    // Not plain numbers: a formula could hide behind a number-like start.
    expect(csvField('+1503 555 1234')).toBe("'+1503 555 1234");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField('+1.')).toBe("'+1.");
  });

  it('round-trips any text, and no cell a reader sees starts a formula', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({
        unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", '1', '.', 'a', ' '),
      }),
      fc.stringMatching(/^[+-]?\d+(\.\d+)?$/),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          // A record of one empty field is an empty line, which no CSV reader can tell from "no record".
          fc.pre(rows.every((r) => r.length > 1 || r[0] !== ''));
          const parsed = parse(rows.map(csvRecord).join('').replace(/\r\n$/, ''));
          expect(parsed).toHaveLength(rows.length);
          parsed.forEach((row, i) =>
            row.forEach((cellText, j) => {
              const original = rows[i]![j]!;
              expect(startsFormula(cellText)).toBe(false);
              expect(unescape(cellText, original)).toBe(original);
            }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
