import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { renderApp } from '../../../test/render';
import { server } from '../../../test/msw-server';
import { SESSIONS_URL } from '../../../test/msw-handlers';
import { addUtcDays, toUtcDay } from '../../lib/utc-days';
import { dayToLocalDate, localDateToDay } from './date-range-picker';

// These tests run in the machine's zone with the default display zone ("local"); CI runs in UTC.
// Other zones are covered by the time-window unit tests and the browser tests.

function captureRequests(): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  server.use(
    http.get(SESSIONS_URL, ({ request }) => {
      seen.push(new URL(request.url).searchParams); // and fall through to the default handler
    }),
  );
  return seen;
}

async function open(url: string) {
  const app = renderApp(url);
  const button = await screen.findByRole('button', { name: /^Time window:/ });
  return { ...app, button };
}

async function openPopover(url = '/') {
  const app = await open(url);
  await app.user.click(app.button);
  const dialog = screen.getByRole('dialog', { name: 'Time window' });
  // Its content loads when it first opens.
  await within(dialog).findByRole('group', { name: 'Presets' });
  return { ...app, dialog, popover: within(dialog) };
}

const asked = (requests: URLSearchParams[], startDate: string, endDate: string) =>
  requests.some((p) => p.get('startDate') === startDate && p.get('endDate') === endDate);

describe('the window button', () => {
  it('names the preset, its days and the zone they are read in', async () => {
    const { button } = await open('/');
    expect(button).toHaveTextContent(/^Time window: Last 7 days · \w{3} \d+ – \w{3} \d+(, \d{4})? · /);
    expect(button.textContent).toMatch(/ · (UTC|.+ time)$/);
  });

  it('shows typed days without a preset, and times of day when the link has them', async () => {
    const days = await open('/?start=2026-10-03&end=2026-10-09');
    expect(days.button).toHaveTextContent(/Oct 3(, 2026)? – Oct 9(, 2026)?/);
    expect(days.button).not.toHaveTextContent('Last');
    days.unmount();
    const around = await open('/?at=2026-10-03T14:15&span=30');
    expect(around.button).toHaveTextContent(/Around Oct 3(, 2026)?, 14:15 · ± 30 min/);
  });
});

describe('UTC day <-> picker date', () => {
  it('keeps the calendar day in any zone, including around DST and year ends', () => {
    for (const day of [
      '2026-01-01',
      '2026-03-08',
      '2026-03-29',
      '2026-10-25',
      '2026-11-01',
      '2026-12-31',
      '2024-02-29',
    ]) {
      const date = dayToLocalDate(day);
      expect(date.getDate()).toBe(Number(day.slice(8)));
      expect(localDateToDay(date)).toBe(day);
    }
  });
});

describe('the popover', () => {
  it('moves focus in, and Escape closes it and returns focus to the button', async () => {
    const { user, button, dialog } = await openPopover();
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Last 7 days' })).toHaveFocus());

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog', { name: 'Time window' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on a click outside', async () => {
    const { user } = await openPopover();
    await user.click(screen.getByRole('searchbox', { name: 'From' }));
    expect(screen.queryByRole('dialog', { name: 'Time window' })).not.toBeInTheDocument();
  });

  it('closes when focus tabs out of it', async () => {
    const { user, popover } = await openPopover('/?start=2026-11-01&end=2026-11-20');
    const day = await popover.findByRole('button', { name: /November 1(st)?, 2026/ }, { timeout: 5000 });
    day.focus();
    await user.tab();
    expect(screen.queryByRole('dialog', { name: 'Time window' })).not.toBeInTheDocument();
  });

  it('says which zone days and times are read in, and that the table is exact', async () => {
    const { popover } = await openPopover();
    expect(popover.getByText(/the table shows exactly the sessions in this window/)).toBeInTheDocument();
  });
});

describe('presets', () => {
  it('write range=, remove start/end, and ask the API for the days covering the window', async () => {
    const requests = captureRequests();
    const today = toUtcDay(Date.now());
    const { user, popover, button, currentSearch } = await openPopover(
      '/?start=2026-10-01&end=2026-10-05&from=503',
    );

    await user.click(popover.getByRole('button', { name: 'Yesterday' }));

    await waitFor(() => expect(currentSearch().get('range')).toBe('yesterday'));
    expect(currentSearch().get('start')).toBeNull();
    expect(currentSearch().get('end')).toBeNull();
    expect(currentSearch().get('from')).toBe('503');
    expect(button).toHaveFocus();
    // Yesterday in a zone within a day of UTC, plus a day on each side.
    await waitFor(() => expect(asked(requests, addUtcDays(today, -2), today)).toBe(true));
  });

  it('write nothing for the default, Last 7 days', async () => {
    const { user, popover, currentSearch, currentUrl } = await openPopover('/?range=30d&log=x');
    expect(popover.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(popover.getByRole('button', { name: 'Last 7 days' }));

    await waitFor(() => expect(currentSearch().get('range')).toBeNull());
    expect(currentUrl()).toBe('/?log=x');
  });

  it.each([
    ['Last hour', '1h'],
    ['Last 24 hours', '24h'],
    ['Today', 'today'],
    ['This week', 'this-week'],
    ['Last week', 'last-week'],
    ['Last 30 days', '30d'],
    ['Last month', 'last-month'],
  ])('%s writes range=%s', async (label, value) => {
    const { user, popover, currentSearch } = await openPopover();
    await user.click(popover.getByRole('button', { name: label }));
    await waitFor(() => expect(currentSearch().get('range')).toBe(value));
  });
});

describe('typed days and times', () => {
  it('apply days on Enter as start/end, asking for the covering days', async () => {
    const requests = captureRequests();
    const { user, popover, currentSearch } = await openPopover('/?range=30d');
    const start = popover.getByRole('textbox', { name: 'Start' });
    const end = popover.getByRole('textbox', { name: 'End' });

    await user.clear(start);
    await user.type(start, '2026-11-02');
    await user.clear(end);
    await user.type(end, '2026-11-05{Enter}');

    await waitFor(() => expect(currentSearch().get('start')).toBe('2026-11-02'));
    expect(currentSearch().get('end')).toBe('2026-11-05');
    expect(currentSearch().get('range')).toBeNull();
    await waitFor(() => expect(asked(requests, '2026-11-01', '2026-11-06')).toBe(true));
  });

  it('take a time of day typed with a space, and write it as a minute', async () => {
    const { user, popover, currentSearch, button } = await openPopover('/');
    const start = popover.getByRole('textbox', { name: 'Start' });
    const end = popover.getByRole('textbox', { name: 'End' });
    await user.clear(start);
    await user.type(start, '2026-11-02 14:15');
    await user.clear(end);
    await user.type(end, '2026-11-02 15:00{Enter}');

    await waitFor(() => expect(currentSearch().get('start')).toBe('2026-11-02T14:15'));
    expect(currentSearch().get('end')).toBe('2026-11-02T15:00');
    expect(button).toHaveTextContent(/14:15/);
  });

  it('reject a day that does not exist, with a message, and change nothing', async () => {
    const { user, popover, currentUrl } = await openPopover('/?range=30d');
    const start = popover.getByRole('textbox', { name: 'Start' });

    await user.clear(start);
    await user.type(start, '2026-02-30');
    await user.click(popover.getByRole('button', { name: 'Apply' }));

    expect(within(start.closest('form')!).getByRole('alert')).toHaveTextContent(
      'Start "2026-02-30" is not a day or time',
    );
    expect(start).toHaveAttribute('aria-invalid', 'true');
    expect(currentUrl()).toBe('/?range=30d');
    expect(screen.getByRole('dialog', { name: 'Time window' })).toBeInTheDocument();
  });

  it('reject an end that is not after the start', async () => {
    const { user, popover, currentUrl } = await openPopover('/');
    const start = popover.getByRole('textbox', { name: 'Start' });
    const end = popover.getByRole('textbox', { name: 'End' });
    await user.clear(start);
    await user.type(start, '2026-11-10');
    await user.clear(end);
    await user.type(end, '2026-11-01{Enter}');

    expect(within(start.closest('form')!).getByRole('alert')).toHaveTextContent(
      'The end is not after the start.',
    );
    expect(currentUrl()).toBe('/');
  });
});

describe('around a time', () => {
  it('reads a pasted timestamp and writes at= with the span', async () => {
    const { user, popover, currentSearch } = await openPopover('/');
    const at = popover.getByRole('textbox', { name: 'Around a time…' });
    await user.type(at, '2026-12-05T14:15:42');
    await user.selectOptions(popover.getByRole('combobox', { name: 'Either side' }), '± 30 min');
    await user.click(popover.getByRole('button', { name: 'Go' }));

    await waitFor(() => expect(currentSearch().get('at')).toBe('2026-12-05T14:15'));
    expect(currentSearch().get('span')).toBe('30');
    expect(currentSearch().get('range')).toBeNull();
  });

  it('keeps the offset of a timestamp pasted with one, so the link names that instant', async () => {
    const { user, popover, currentSearch } = await openPopover('/');
    await user.type(popover.getByRole('textbox', { name: 'Around a time…' }), '2026-12-05T14:15:00Z{Enter}');
    await waitFor(() => expect(currentSearch().get('at')).toMatch(/^2026-12-05T14:15(Z|[+-]\d{2}:\d{2})$/));
  });

  it('says what it cannot read, and changes nothing', async () => {
    const { user, popover, currentUrl } = await openPopover('/?range=today');
    const at = popover.getByRole('textbox', { name: 'Around a time…' });
    await user.type(at, 'next tuesday-ish{Enter}');
    expect(at).toHaveAttribute('aria-invalid', 'true');
    expect(within(at.closest('form')!).getByRole('alert')).not.toBeEmptyDOMElement();
    expect(currentUrl()).toBe('/?range=today');
  });
});

describe('the calendar', () => {
  it('loads lazily and writes the two picked days as start/end', async () => {
    const { user, popover, currentSearch } = await openPopover('/?start=2026-11-01&end=2026-11-20');
    const first = await popover.findByRole('button', { name: /November 4(th)?, 2026/ }, { timeout: 5000 });
    await user.click(first);
    // Half a range is not a search.
    expect(currentSearch().get('start')).toBe('2026-11-01');
    expect(popover.getByText(/now pick the other end/)).toBeInTheDocument();

    // Either order: the earlier day becomes the start.
    await user.click(popover.getByRole('button', { name: /November 2(nd)?, 2026/ }));

    await waitFor(() => expect(currentSearch().get('start')).toBe('2026-11-02'));
    expect(currentSearch().get('end')).toBe('2026-11-04');
    expect(currentSearch().get('range')).toBeNull();
  });
});
