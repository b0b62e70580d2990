import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { renderApp } from '../../../test/render';
import { server } from '../../../test/msw-server';
import { SESSIONS_URL } from '../../../test/msw-handlers';
import { addUtcDays, toUtcDay } from '../../lib/utc-days';
import { formatDayRange } from './date-range-control';
import { dayToLocalDate, localDateToDay } from './date-range-picker';

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
  const button = await screen.findByRole('button', { name: /^Date range:/ });
  return { ...app, button };
}

async function openPopover(url = '/') {
  const app = await open(url);
  await app.user.click(app.button);
  const dialog = screen.getByRole('dialog', { name: 'Date range' });
  return { ...app, dialog, popover: within(dialog) };
}

describe('the range button', () => {
  it('shows the preset, the days and that they are UTC days', async () => {
    const today = toUtcDay(Date.now());
    const { button } = await open('/');
    expect(button).toHaveTextContent(
      `Last 7 days · ${formatDayRange(addUtcDays(today, -6), today)} · UTC days`,
    );
  });

  it('shows absolute days without a preset', async () => {
    const { button } = await open('/?start=2026-10-03&end=2026-10-09');
    expect(button).toHaveTextContent('Oct 3 – Oct 9, 2026 · UTC days');
    expect(button).not.toHaveTextContent('Last');
  });
});

describe('formatDayRange', () => {
  it('writes one day, a range within a year and a range across years', () => {
    expect(formatDayRange('2026-11-27', '2026-11-27')).toBe('Nov 27, 2026');
    expect(formatDayRange('2026-11-21', '2026-11-27')).toBe('Nov 21 – Nov 27, 2026');
    expect(formatDayRange('2025-12-28', '2026-01-03')).toBe('Dec 28, 2025 – Jan 3, 2026');
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
    // Focus lands on the preset in force.
    expect(within(dialog).getByRole('button', { name: 'Last 7 days' })).toHaveFocus();

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog', { name: 'Date range' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on a click outside', async () => {
    const { user } = await openPopover();
    await user.click(screen.getByRole('searchbox', { name: 'From' }));
    expect(screen.queryByRole('dialog', { name: 'Date range' })).not.toBeInTheDocument();
  });

  it('closes when focus tabs out of it', async () => {
    const { user, popover } = await openPopover('/?start=2026-11-01&end=2026-11-20');
    // The calendar's selected day is the popover's last stop; Tab from there leaves it.
    const day = await popover.findByRole('button', { name: /November 1(st)?, 2026/ }, { timeout: 5000 });
    day.focus();
    await user.tab();
    expect(screen.queryByRole('dialog', { name: 'Date range' })).not.toBeInTheDocument();
  });

  it('says the days are UTC days', async () => {
    const { popover } = await openPopover();
    expect(popover.getByText(/UTC days/)).toBeInTheDocument();
  });
});

describe('presets', () => {
  it('write range= and remove start/end', async () => {
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
    const yesterday = addUtcDays(today, -1);
    await waitFor(() =>
      expect(requests.some((p) => p.get('startDate') === yesterday && p.get('endDate') === yesterday)).toBe(
        true,
      ),
    );
  });

  it('write nothing for the default, Last 7 days', async () => {
    const { user, popover, currentSearch, currentUrl } = await openPopover('/?range=30d&log=x');
    expect(popover.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(popover.getByRole('button', { name: 'Last 7 days' }));

    await waitFor(() => expect(currentSearch().get('range')).toBeNull());
    expect(currentUrl()).toBe('/?log=x');
  });

  it.each([
    ['Today', 'today'],
    ['Last 30 days', '30d'],
    ['This month', 'this-month'],
    ['Last month', 'last-month'],
  ])('%s writes range=%s', async (label, value) => {
    const { user, popover, currentSearch } = await openPopover();
    await user.click(popover.getByRole('button', { name: label }));
    await waitFor(() => expect(currentSearch().get('range')).toBe(value));
  });
});

describe('typed days', () => {
  it('apply on Enter as start/end, removing range', async () => {
    const requests = captureRequests();
    const { user, popover, currentSearch } = await openPopover('/?range=30d');
    const start = popover.getByRole('textbox', { name: /^Start/ });
    const end = popover.getByRole('textbox', { name: /^End/ });

    await user.clear(start);
    await user.type(start, '2026-11-02');
    await user.clear(end);
    await user.type(end, '2026-11-05{Enter}');

    await waitFor(() => expect(currentSearch().get('start')).toBe('2026-11-02'));
    expect(currentSearch().get('end')).toBe('2026-11-05');
    expect(currentSearch().get('range')).toBeNull();
    await waitFor(() =>
      expect(
        requests.some((p) => p.get('startDate') === '2026-11-02' && p.get('endDate') === '2026-11-05'),
      ).toBe(true),
    );
  });

  it('reject a date that does not exist, with a message, and change nothing', async () => {
    const { user, popover, currentUrl } = await openPopover('/?range=30d');
    const start = popover.getByRole('textbox', { name: /^Start/ });

    await user.clear(start);
    await user.type(start, '2026-02-30');
    await user.click(popover.getByRole('button', { name: 'Apply' }));

    expect(popover.getByRole('alert')).toHaveTextContent(
      'Start "2026-02-30" is not a date: write it as YYYY-MM-DD',
    );
    expect(start).toHaveAttribute('aria-invalid', 'true');
    expect(currentUrl()).toBe('/?range=30d');
    expect(screen.getByRole('dialog', { name: 'Date range' })).toBeInTheDocument();
  });

  it('reject a start after the end', async () => {
    const { user, popover, currentUrl } = await openPopover('/');
    const start = popover.getByRole('textbox', { name: /^Start/ });
    const end = popover.getByRole('textbox', { name: /^End/ });
    await user.clear(start);
    await user.type(start, '2026-11-10');
    await user.clear(end);
    await user.type(end, '2026-11-01{Enter}');

    expect(popover.getByRole('alert')).toHaveTextContent('The start date is after the end date.');
    expect(currentUrl()).toBe('/');
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
