import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../api/session';
import { csvRow } from './export-rows';

const at = (iso: string) => ({ raw: iso, ms: Date.parse(iso) });
const layout = {
  columns: ['duration'],
  zone: 'utc' as const,
  origin: 'https://sh.example',
  now: Date.parse('2026-12-06T12:00:00Z'),
};
const durationCell = (s: Partial<SessionSummary>) =>
  csvRow({ id: 'x', ...s } as SessionSummary, layout).split(',')[0];

describe('CSV durations', () => {
  it('always write their hours, so a spreadsheet reads minutes as minutes', () => {
    const started = at('2026-12-06T10:00:00Z');
    expect(durationCell({ dateCreated: started, dateCompleted: at('2026-12-06T10:04:19Z') })).toBe('0:04:19');
    expect(durationCell({ dateCreated: started, dateCompleted: at('2026-12-06T10:00:07Z') })).toBe('0:00:07');
    expect(durationCell({ dateCreated: started, dateCompleted: at('2026-12-06T11:02:03Z') })).toBe('1:02:03');
    // A session still going on runs to the export's "now"; one without a start has none.
    expect(durationCell({ dateCreated: at('2026-12-06T11:45:00Z'), ended: false })).toBe('0:15:00');
    expect(durationCell({})).toBe('');
  });
});
