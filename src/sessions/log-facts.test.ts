import { describe, expect, it } from 'vitest';
import { LOG_PATTERNS, logFacts, matchLogLine } from './log-facts';

describe('the table of log patterns', () => {
  it.each(LOG_PATTERNS.map((p) => [p.kind, p]))('%s: its example matches its own row first', (_, row) => {
    expect(matchLogLine(row.example)?.kind).toBe(row.kind);
  });

  it('reads values from the line, and leaves unknown wording alone', () => {
    expect(matchLogLine('Ringing agent Olivia Cohen (ext 104)')).toEqual({
      kind: 'agent-rung',
      values: ['Olivia Cohen'],
    });
    expect(matchLogLine('Olivia Cohen started a warm transfer to Billing')?.values).toEqual([
      'Olivia Cohen',
      'Billing',
    ]);
    expect(matchLogLine('Caller hung up while waiting in queue')?.kind).toBe('abandoned-in-queue');
    expect(matchLogLine('The caller seems to have left')).toBeUndefined();
    expect(matchLogLine('Note: Ringing agent Olivia')).toBeUndefined();
  });

  it('keeps each fact’s line and time', () => {
    const facts = logFacts([
      { date: undefined, message: 'Playing hold music' },
      { date: { raw: 'x', ms: 5000 }, message: 'Call answered by Olivia' },
      { date: undefined, message: `Call answered by ${'x'.repeat(600)}` },
    ]);
    expect(facts).toEqual([{ kind: 'answered', line: 1, at: 5000, values: ['Olivia'] }]);
  });
});

describe('each pattern’s needle', () => {
  it.each(LOG_PATTERNS.map((p) => [p.kind, p]))('%s: its example contains it', (_, row) => {
    expect(row.example).toContain(row.needle);
  });
});
