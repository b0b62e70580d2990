// The grid sizes its cells with CSS rules, one per column position (sessions-table.css): a column
// without one would be sized by its content, in each row on its own, and the columns would no
// longer line up with the header.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLUMN_META } from './column-defs';

const css = fs.readFileSync(new URL('./sessions-table.css', import.meta.url), 'utf8');

describe('column width rules', () => {
  it('size every column position the grid can show, from the variable the grid sets', () => {
    const rules = [...css.matchAll(/\.sessions-row > :nth-child\((\d+)\) \{\s*width: var\(--c(\d+)\);/g)];
    const positions = rules.map(([, n, c]) => {
      expect(c).toBe(n);
      return Number(n);
    });
    const columns = Object.keys(COLUMN_META).length;
    expect(positions).toEqual(Array.from({ length: positions.length }, (_, i) => i + 1));
    expect(positions.length).toBeGreaterThanOrEqual(columns);
  });
});
