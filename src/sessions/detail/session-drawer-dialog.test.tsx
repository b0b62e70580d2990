// The drawer as a dialog: focus goes in and stays, every way of closing it, the page behind inert.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../test/render';
import { loadDrawerChunk, openDrawer, serveSessions, session } from './session-drawer-test-helpers';

beforeAll(loadDrawerChunk);

describe('session drawer as a dialog', () => {
  it('moves focus in, and Escape closes it, removes session= from the URL and returns focus to the row', async () => {
    const { user, currentSearch } = renderApp('/');
    const grid = await screen.findByRole('grid');
    const row = await waitFor(() => {
      const el = grid.querySelector<HTMLElement>('[role="row"][data-session-id]');
      expect(el).not.toBeNull();
      return el!;
    });
    const id = row.dataset.sessionId!;
    row.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    expect(currentSearch().get('session')).toBe(id);
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));

    // Tab stays inside.
    for (let i = 0; i < 12; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentSearch().has('session')).toBe(false);
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-session-id', id));
  });

  it('closes from the Close button', async () => {
    serveSessions([session()]);
    const { dialog, user, currentSearch } = await openDrawer('/?session=sess-1&from=555');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentSearch().has('session')).toBe(false);
    expect(currentSearch().get('from')).toBe('555');
  });

  it('closes on a click outside it, and keeps the page behind it inert while open', async () => {
    serveSessions([session()]);
    const { dialog, user, currentSearch } = await openDrawer('/?session=sess-1');
    await within(dialog).findByRole('heading', { name: /Robert Miller/ });
    expect(document.getElementById('root') ?? document.body.firstElementChild).toHaveAttribute('inert');
    await user.click(document.querySelector<HTMLElement>('.drawer-backdrop')!);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentSearch().has('session')).toBe(false);
    expect(document.querySelector('[inert]')).toBeNull();
  });
});
