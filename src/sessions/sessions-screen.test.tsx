// The screen as a keyboard user meets it.
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { dataRows } from '../../test/table-helpers';

describe('the sessions screen', () => {
  it('offers, as the first Tab stop, a way past the filter panel to the sessions', async () => {
    const { user, currentUrl } = renderApp('/?range=7d');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    const before = currentUrl();
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to sessions' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main', { name: 'Sessions' })).toHaveFocus();
    // The next stop is the first control above the table, not the filter panel's first field.
    await user.tab();
    expect(screen.getByRole('button', { name: /^(Hide filters|Filters)/ })).toHaveFocus();
    // The address, which people copy, is unchanged.
    expect(currentUrl()).toBe(before);
  });
});
