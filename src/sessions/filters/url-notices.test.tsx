// What a link asked for that the view could not show as written: told, and the address corrected.
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderApp } from '../../../test/render';
import { grid } from '../../../test/table-helpers';

describe('link notices', () => {
  it('swaps an end before its start, says so, and writes the corrected times into the address', async () => {
    const { currentSearch } = renderApp('/?start=2026-11-20&end=2026-11-18&from=555');
    expect(
      await screen.findByText('The end was before the start: showed 2026-11-18 to 2026-11-20 instead.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(currentSearch().get('start')).toBe('2026-11-18'));
    expect(currentSearch().get('end')).toBe('2026-11-20');
    // The rest of the link stays.
    expect(currentSearch().get('from')).toBe('555');
    expect(grid()).toBeInTheDocument();
  });

  it('drops an end that is the same moment as its start, and says so', async () => {
    const { currentSearch } = renderApp('/?start=2026-11-20T14:00&end=2026-11-20T14:00');
    expect(
      await screen.findByText('Ignored end 2026-11-20T14:00: it is the same moment as the start.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(currentSearch().get('end')).toBeNull());
    expect(currentSearch().get('start')).toBe('2026-11-20T14:00');
  });
});
