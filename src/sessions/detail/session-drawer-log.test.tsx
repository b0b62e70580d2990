// The drawer's log: find in it, and a long log virtualized on screen but printed whole.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, within } from '@testing-library/react';
import { at, loadDrawerChunk, openDrawer, serveSessions, session } from './session-drawer-test-helpers';

beforeAll(loadDrawerChunk);
const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('session drawer log', () => {
  it('finds in the log: counts hits, Enter and Shift+Enter move, hits are marked', async () => {
    serveSessions([session()]);
    const { dialog, user } = await openDrawer('/?session=sess-1');
    const find = await within(dialog).findByRole('textbox', { name: 'Find in log' });
    await user.type(find, 'ringing');
    await waitFor(() => expect(find).toHaveAccessibleDescription('1 of 2'));
    const log = within(dialog).getByRole('list', { name: 'Log entries' });
    const marks = () => [...log.querySelectorAll('mark')];
    expect(marks().map((m) => m.textContent)).toEqual(['Ringing', 'ringing']);
    expect(marks()[0]).toHaveAttribute('aria-current', 'true');

    await user.keyboard('{Enter}');
    expect(find).toHaveAccessibleDescription('2 of 2');
    expect(marks()[1]).toHaveAttribute('aria-current', 'true');
    expect(marks()[0]).not.toHaveAttribute('aria-current');

    await user.keyboard('{Enter}');
    expect(find).toHaveAccessibleDescription('1 of 2');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(find).toHaveAccessibleDescription('2 of 2');
    await user.click(within(dialog).getByRole('button', { name: 'Previous match' }));
    expect(find).toHaveAccessibleDescription('1 of 2');

    await user.clear(find);
    await user.type(find, 'no such text');
    await waitFor(() => expect(find).toHaveAccessibleDescription('No matches'));
    expect(marks()).toHaveLength(0);
    expect(within(dialog).getByRole('button', { name: 'Next match' })).toBeDisabled();
  });

  it('names the zone its times are in: a printout read elsewhere says whose time it is', async () => {
    process.env.TZ = 'America/Los_Angeles';
    serveSessions([session()]);
    const { dialog } = await openDrawer('/?session=sess-1');
    expect(
      await within(dialog).findByText(/entries · Los Angeles time · offsets from the start/),
    ).toBeVisible();
  });

  it('prefills find-in-log with the log filter from the URL', async () => {
    serveSessions([session()]);
    const { dialog } = await openDrawer('/?log=queue&session=sess-1');
    const find = await within(dialog).findByRole('textbox', { name: 'Find in log' });
    expect(find).toHaveValue('queue');
    await waitFor(() => expect(find).toHaveAccessibleDescription('1 of 1'));
    expect(within(dialog).getByText('From the Log filter')).toBeInTheDocument();
    const mark = within(dialog).getByRole('list', { name: 'Log entries' }).querySelector('mark');
    expect(mark).toHaveTextContent('queue');
  });

  it('virtualizes a long log on screen, and renders every line for printing', async () => {
    const log = Array.from({ length: 300 }, (_, i) => ({ date: at(i), message: `Step ${i + 1} of 300` }));
    serveSessions([session({ log })]);
    const { dialog } = await openDrawer('/?session=sess-1');
    const list = await within(dialog).findByRole('list', { name: 'Log entries' });
    const onScreen = within(list).getAllByRole('listitem').length;
    expect(onScreen).toBeGreaterThan(0);
    expect(onScreen).toBeLessThan(300);
    expect(document.querySelector('.session-print-only')).toBeNull();

    window.dispatchEvent(new Event('beforeprint'));
    const printed = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.session-print-only');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(dialog).not.toContainElement(printed);
    expect(document.body).toHaveClass('session-drawer-open');
    const lines = printed.querySelectorAll('.log-line');
    expect(lines).toHaveLength(300);
    expect(lines[299]).toHaveTextContent('Step 300 of 300');
    expect(lines[299]).toHaveTextContent('+04:59');
    expect(printed).toHaveTextContent(/Printed .* · http:\/\/.*\/\?session=sess-1/);

    window.dispatchEvent(new Event('afterprint'));
    await waitFor(() => expect(document.querySelector('.session-print-only')).toBeNull());
  });
});
