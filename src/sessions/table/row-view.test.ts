import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../api/session';
import { cellParts, toRowView } from './row-view';

const row = (s: Partial<SessionSummary>) => toRowView({ id: 'x', ...s } as SessionSummary, 'utc');
const text = (parts: ReturnType<typeof cellParts>) =>
  parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

describe('the Outcome cell', () => {
  it('shows Missed beside the outcome, which is whole on hover when the column cuts it short', () => {
    const parts = cellParts('outcome', row({ wasMissed: true, outcome: 'Abandoned' }), 0);
    expect(text(parts)).toBe('Missed Abandoned');
    for (const part of parts) expect(part).toMatchObject({ title: 'Missed: Abandoned' });
  });

  it('says Missed once for the outcome of that name, and the outcome alone when not missed', () => {
    expect(text(cellParts('outcome', row({ wasMissed: true, outcome: 'Missed' }), 0))).toBe('Missed');
    expect(text(cellParts('outcome', row({ wasMissed: false, outcome: 'Answered' }), 0))).toBe('Answered');
  });
});
