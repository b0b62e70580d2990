// The "Saved views" section of the filter panel, as a user meets it: save, open, rename, delete,
// share as a file, and what is left of a corrupted store.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../test/render';
import { FILE_FORMAT, FILE_VERSION, SAVED_VIEWS } from './saved-views';

async function open(url: string) {
  const app = renderApp(url);
  const section = await screen.findByRole('region', { name: 'Saved views' });
  return { ...app, section: within(section) };
}

type Section = Awaited<ReturnType<typeof open>>['section'];
type User = ReturnType<typeof renderApp>['user'];

async function saveAs(user: User, section: Section, name: string) {
  await user.click(section.getByRole('button', { name: 'Save view' }));
  await user.type(section.getByRole('textbox', { name: 'Name of the view' }), name);
  await user.click(section.getByRole('button', { name: 'Save' }));
}

const storedViews = () => JSON.parse(localStorage.getItem(SAVED_VIEWS.key) ?? 'null') as unknown;

describe('saved views', () => {
  it('saves the current view under a name, lists it, and keeps it across a reload', async () => {
    const { user, section, unmount } = await open('/?from=503&range=30d');
    expect(section.getByText('Save this view to open it again with one click.')).toBeInTheDocument();

    await saveAs(user, section, '  Calls  from 503 ');
    expect(section.getByRole('status')).toHaveTextContent('Saved “Calls from 503”.');
    const link = section.getByRole('link', { name: 'Calls from 503' });
    // It is the view on screen, and a real link (it opens in a new tab too).
    expect(link).toHaveAttribute('aria-current', 'page');
    const linked = new URLSearchParams(link.getAttribute('href')!.split('?')[1]);
    expect(Object.fromEntries(linked)).toEqual({ from: '503', range: '30d' });
    expect(storedViews()).toEqual({
      version: FILE_VERSION,
      views: [{ name: 'Calls from 503', search: expect.stringContaining('from=503') as string }],
    });

    unmount();
    const again = await open('/');
    expect(again.section.getByRole('link', { name: 'Calls from 503' })).not.toHaveAttribute('aria-current');
  });

  it('opens a saved view with one click: the link, and so the result, of that view', async () => {
    const first = await open('/?to=1001&range=30d');
    await saveAs(first.user, first.section, 'To 1001');
    first.unmount();

    const { user, section, currentSearch } = await open('/?from=503');
    await user.click(section.getByRole('link', { name: 'To 1001' }));
    await waitFor(() => expect(currentSearch().get('to')).toBe('1001'));
    expect(currentSearch().get('range')).toBe('30d');
    expect(currentSearch().get('from')).toBeNull();
    expect(screen.getByRole('searchbox', { name: 'To' })).toHaveValue('1001');
    expect(section.getByRole('link', { name: 'To 1001' })).toHaveAttribute('aria-current', 'page');
  });

  it('replaces a view saved under the same name, after saying so', async () => {
    const { user, section, router } = await open('/?from=503');
    await saveAs(user, section, 'Mine');
    await router.navigate({ to: '/', search: { from: '971' } });

    await user.click(section.getByRole('button', { name: 'Save view' }));
    await user.type(section.getByRole('textbox', { name: 'Name of the view' }), 'mine');
    expect(section.getByText('Replaces the saved view “Mine”.')).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Replace' }));
    expect(section.getByRole('status')).toHaveTextContent('Replaced “mine”.');
    expect(section.getAllByRole('link')).toHaveLength(1);
    expect(section.getByRole('link', { name: 'mine' }).getAttribute('href')).toContain('from=971');
  });

  it('renames a view, and refuses a name another view has', async () => {
    const { user, section, router } = await open('/?from=503');
    await saveAs(user, section, 'First');
    await router.navigate({ to: '/', search: { from: '971' } });
    await saveAs(user, section, 'Second');

    await user.click(section.getByRole('button', { name: 'Rename Second' }));
    const input = section.getByRole('textbox', { name: 'New name for Second' });
    await user.clear(input);
    await user.type(input, 'first');
    await user.click(section.getByRole('button', { name: 'Rename' }));
    expect(section.getByRole('alert')).toHaveTextContent('That name is empty or taken by another view.');

    await user.clear(input);
    await user.type(input, 'Portland callers{Enter}');
    expect(section.getByRole('link', { name: 'Portland callers' }).getAttribute('href')).toContain(
      'from=971',
    );
    expect(section.queryByRole('link', { name: 'Second' })).not.toBeInTheDocument();
    expect(section.getByRole('link', { name: 'First' })).toBeInTheDocument();
  });

  it('deletes a view, and Undo brings it back', async () => {
    const { user, section } = await open('/?from=503');
    await saveAs(user, section, 'Gone soon');

    await user.click(section.getByRole('button', { name: 'Delete Gone soon' }));
    expect(section.queryByRole('link', { name: 'Gone soon' })).not.toBeInTheDocument();
    expect(storedViews()).toEqual({ version: FILE_VERSION, views: [] });
    const status = section.getByRole('status');
    expect(status).toHaveTextContent('Deleted “Gone soon”.');

    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(section.getByRole('link', { name: 'Gone soon' })).toBeInTheDocument();
  });

  it('shows no views, and does not break, when the stored views are not JSON', async () => {
    localStorage.setItem(SAVED_VIEWS.key, '{"version":1,"views":[{"name":"Broken');
    const { user, section } = await open('/?from=503');
    expect(section.queryAllByRole('link')).toHaveLength(0);
    expect(section.getByText('Save this view to open it again with one click.')).toBeInTheDocument();
    // Saving still works, and writes a good store over the bad one.
    await saveAs(user, section, 'Fresh');
    expect(section.getByRole('link', { name: 'Fresh' })).toBeInTheDocument();
    expect(storedViews()).toMatchObject({ views: [{ name: 'Fresh' }] });
  });

  it('keeps the good views of a store with bad entries, and drops the bad ones', async () => {
    localStorage.setItem(
      SAVED_VIEWS.key,
      JSON.stringify({
        version: 1,
        views: [
          { name: 'Good', search: 'from=503' },
          { name: 42, search: 'from=1' },
          { name: 'No link' },
          'not a view',
          null,
          { name: 'x'.repeat(500), search: 'to=1' },
          { name: 'Also good', search: 'to=1001&nonsense=%3Cscript%3E' },
        ],
      }),
    );
    const { section } = await open('/');
    expect(section.getAllByRole('link').map((l) => l.textContent)).toEqual(['Good', 'Also good']);
    expect(section.getByRole('link', { name: 'Also good' }).getAttribute('href')).not.toContain('script');
  });

  it('refuses an imported file that is not a saved-views file, and loses nothing saved', async () => {
    const { user, section } = await open('/?from=503');
    await saveAs(user, section, 'Kept');

    const input = section.getByLabelText('Saved views file to import');
    await user.upload(input, new File(['{"hello": 1}'], 'notes.json', { type: 'application/json' }));
    expect(await section.findByRole('alert')).toHaveTextContent(
      'Nothing imported from notes.json: This is not a saved-views file of Session History.',
    );
    expect(section.getAllByRole('link').map((l) => l.textContent)).toEqual(['Kept']);
  });

  it('imports a shared file beside the saved views', async () => {
    const { user, section } = await open('/?from=503');
    await saveAs(user, section, 'Kept');
    const file = JSON.stringify({
      format: FILE_FORMAT,
      version: FILE_VERSION,
      views: [
        { name: 'Kept', link: '/?to=1001' },
        { name: 'Sales lines', link: '/?to=1002&range=30d' },
      ],
    });
    await user.upload(
      section.getByLabelText('Saved views file to import'),
      new File([file], 'team.json', { type: 'application/json' }),
    );
    expect(await section.findByRole('status')).toHaveTextContent('Imported 2 views: 1 renamed (name taken).');
    expect(section.getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Kept',
      'Kept (2)',
      'Sales lines',
    ]);
  });
});
