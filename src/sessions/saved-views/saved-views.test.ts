import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStored } from '../../lib/stored-value';
import { HOSTILE } from '../../../test/hostile-strings';
import {
  FILE_FORMAT,
  renameView,
  SAVED_VIEWS,
  saveView,
  searchString,
  storedViews,
  type SavedView,
} from './saved-views';
import { mergeViews, parseFile, toFile } from './saved-views-file';

const views: SavedView[] = [
  { name: 'Missed sales', search: 'range=today&to=%2B15035550100' },
  { name: 'Archive October', search: 'start=2026-10-01&end=2026-10-31&archive=1' },
];
const file = (body: unknown) => JSON.stringify(body);

describe('saved views', () => {
  it('keep the link as it is written: a relative range stays relative, the open session is left out', () => {
    expect(searchString({ range: '30d', from: '+1503', session: 'abc' })).toBe('range=30d&from=%2B1503');
    expect(searchString({})).toBe('');
  });

  it('export to a file that imports back to the same views', () => {
    const result = parseFile(toFile(views));
    expect(result).toEqual({ ok: true, views });
  });

  it.each([
    ['not JSON', '{"format":', /not JSON/],
    ['another JSON file', file({ hello: 'world' }), /not a saved-views file/],
    ['a JSON array', file([1, 2]), /not a saved-views file/],
    ['null', 'null', /not a saved-views file/],
    ['a newer version', file({ format: FILE_FORMAT, version: 2, views: [] }), /newer version/],
    ['no version', file({ format: FILE_FORMAT, views: [] }), /no version/],
    ['no views', file({ format: FILE_FORMAT, version: 1, views: [] }), /no views/],
    ['views not a list', file({ format: FILE_FORMAT, version: 1, views: {} }), /no views/],
    [
      'a view without a name',
      file({ format: FILE_FORMAT, version: 1, views: [{ link: '/?range=7d' }] }),
      /View 1 has no name/,
    ],
    [
      'a name too long',
      file({ format: FILE_FORMAT, version: 1, views: [{ name: HOSTILE.long, link: '/' }] }),
      /View 1/,
    ],
    [
      'a view without a link',
      file({ format: FILE_FORMAT, version: 1, views: [{ name: 'a', link: 3 }] }),
      /View 1 \("a"\) has no link/,
    ],
    [
      'another page',
      file({ format: FILE_FORMAT, version: 1, views: [{ name: 'p', link: '/sessions/x/print' }] }),
      /not to the sessions view/,
    ],
    [
      'a bad value in a link',
      file({ format: FILE_FORMAT, version: 1, views: [{ name: 'b', link: '/?range=forever' }] }),
      /Ignored range/,
    ],
    [
      'an unknown key',
      file({ format: FILE_FORMAT, version: 1, views: [{ name: 'c', link: '/?evil=1' }] }),
      /unknown parameter/,
    ],
  ])('refuse %s with a message', (_what, text, message) => {
    const result = parseFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuse any file that is not a good one, and never throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ format: FILE_FORMAT, version: 1, views: v })),
        ),
        (text) => {
          const result = parseFile(text);
          if (result.ok)
            for (const v of result.views) expect(parseFile(toFile([v]))).toEqual({ ok: true, views: [v] });
        },
      ),
    );
  });

  it('read links with hostile text, and full URLs of any host', () => {
    const result = parseFile(
      file({
        format: FILE_FORMAT,
        version: 1,
        views: [
          { name: HOSTILE.script, link: `/?log=${encodeURIComponent(HOSTILE.formula)}` },
          { name: 'Elsewhere', link: 'https://team.example/?range=yesterday' },
        ],
      }),
    );
    expect(result).toEqual({
      ok: true,
      views: [
        { name: HOSTILE.script, search: new URLSearchParams({ log: HOSTILE.formula }).toString() },
        { name: 'Elsewhere', search: 'range=yesterday' },
      ],
    });
  });

  it('merge an import: nothing saved is lost, clashing names get a number, the same view is not doubled', () => {
    const imported: SavedView[] = [
      { name: 'missed sales', search: 'range=7d' },
      { name: 'Archive October', search: views[1]!.search },
      { name: 'New', search: 'log=voicemail' },
      { name: 'Missed sales', search: 'range=30d' },
    ];
    const result = mergeViews(views, imported);
    expect(result.views.slice(0, 2)).toEqual(views);
    expect(result.views.slice(2).map((v) => v.name)).toEqual(['missed sales (2)', 'New', 'Missed sales (3)']);
    expect(result).toMatchObject({ added: 3, renamed: 2, unchanged: 1 });
  });

  it('save replaces the view of the same name; rename refuses a taken or empty name', () => {
    expect(saveView(views, { name: 'MISSED SALES', search: 'range=7d' })).toEqual([
      { name: 'MISSED SALES', search: 'range=7d' },
      views[1],
    ]);
    expect(renameView(views, 0, 'archive october')).toBeUndefined();
    expect(renameView(views, 0, '   ')).toBeUndefined();
    expect(renameView(views, 0, '  Sales  today ')?.[0]?.name).toBe('Sales today');
  });

  it('read from storage tolerantly: bad entries are dropped, not the list', () => {
    const raw = JSON.stringify({
      version: 1,
      views: [views[0], { name: 5 }, null, { name: 'x', search: 'range=nope' }],
    });
    expect(parseStored(raw, SAVED_VIEWS).views).toEqual([views[0], { name: 'x', search: '' }]);
    expect(parseStored('not json', SAVED_VIEWS).views).toEqual([]);
    expect(parseStored(JSON.stringify(storedViews(views)), SAVED_VIEWS).views).toEqual(views);
  });
});
