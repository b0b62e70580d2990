// The counts above the table: one chip per value seen, and the chips of a group add up to the result.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { createSessionsHandlers } from '../../../test/msw-handlers';
import { makeWireSessions } from '../../../test/session-factory';

const chipCount = (chip: HTMLElement) => Number(/([\d,]+)$/.exec(chip.textContent!)![1]!.replace(/,/g, ''));

describe('result counts', () => {
  it('counts the directions a filter cannot ask for, or none, as Other: the directions add up', async () => {
    const sessions = makeWireSessions(40, 5).map((s, i) =>
      i % 10 === 3 ? { ...s, direction: 'Internal' } : i % 10 === 7 ? { ...s, direction: undefined } : s,
    );
    server.use(...createSessionsHandlers(sessions));
    renderApp('/?range=30d');
    const counts = await screen.findByRole('group', { name: 'Counts' }, { timeout: 10_000 });
    const incoming = within(counts).getByRole('button', { name: /^Incoming: / });
    const outgoing = within(counts).getByRole('button', { name: /^Outgoing: / });
    const other = within(counts).getByText('Other').closest('span')!;
    expect(other.tagName).toBe('SPAN');
    expect(other).toHaveAttribute('title', expect.stringMatching(/Internal: \d+, none stated: \d+$/));
    await waitFor(() =>
      expect(document.querySelector('.results-count')).toHaveTextContent(/^[\d,]+ sessions/),
    );
    const total = Number(/^([\d,]+)/.exec(document.querySelector('.results-count')!.textContent!)![1]!);
    expect(chipCount(incoming) + chipCount(outgoing) + chipCount(other)).toBe(total);
    expect(chipCount(other)).toBeGreaterThan(0);
  });
});
