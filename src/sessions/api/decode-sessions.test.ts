// decodeSessionsPage on chosen pages: field for field, and what each kind of bad value becomes.
import { describe, expect, it } from 'vitest';
import { makeWireSessions } from '../../../test/session-factory';
import { decodeSessionsPage } from './decode-sessions';

describe('decodeSessionsPage', () => {
  it('decodes a realistic page field for field', () => {
    const wire = makeWireSessions(5, 7);
    const page = decodeSessionsPage({ items: wire, totalCount: 5, totalPages: 1, hasMorePages: false }, 0);
    expect(page).toMatchObject({ totalCount: 5, totalPages: 1, hasMorePages: false });
    page.items.forEach((s, i) => {
      const w = wire[i]!;
      expect(s.id).toBe(w.id);
      expect(s.dateCreated).toEqual({ raw: w.dateCreated, ms: Date.parse(w.dateCreated!) });
      expect(s.accountName).toBe(w.accountName);
      expect(s.members.map((m) => m.applicationData)).toEqual(
        (w.members ?? []).map((m) => Object.entries(m.applicationData ?? {})),
      );
      expect(Object.keys(s).sort()).toEqual(Object.keys(page.items[0]!).sort());
    });
  });

  it('has every model key on every item, even from an empty object', () => {
    const [s] = decodeSessionsPage({ items: [{}] }, 4).items;
    expect(s).toMatchObject({ id: 'unknown-4-0', log: [], members: [], customerBreadcrumb: [] });
    expect(Object.keys(s!)).toContain('dateCompleted');
    expect(s!.dateCompleted).toBeUndefined();
    expect(Object.keys(s!).length).toBeGreaterThan(40);
  });

  it('degrades null and wrong types per field', () => {
    const [s] = decodeSessionsPage(
      {
        items: [
          {
            id: 'x1',
            fromAddress: null,
            toAddress: 15035550123,
            ended: 'true',
            wasMissed: true,
            dateCreated: 12345,
            dateCompleted: 'soon',
            dateLastModified: '',
            log: [{ date: 'x' }, null, 'line', { message: 7 }, { message: 'ok', date: '/Date(0)/' }],
            members: 'nobody',
            customerBreadcrumb: [{ id: 1, name: 'Top' }, 'x'],
          },
        ],
        totalCount: '25',
        totalPages: -1,
        hasMorePages: 'yes',
      },
      0,
    ).items;
    expect(s).toMatchObject({
      id: 'x1',
      fromAddress: undefined,
      toAddress: undefined,
      ended: undefined,
      wasMissed: true,
      dateCreated: undefined,
      dateCompleted: { raw: 'soon', ms: undefined },
      dateLastModified: undefined,
      members: [],
      customerBreadcrumb: [{ id: undefined, name: 'Top' }],
    });
    expect(s!.log).toEqual([
      { date: { raw: 'x', ms: undefined }, message: '' },
      { date: undefined, message: '' },
      { date: { raw: '/Date(0)/', ms: 0 }, message: 'ok' },
    ]);
  });

  it('keeps unknown enum values as they come', () => {
    const [s] = decodeSessionsPage(
      {
        items: [
          {
            id: 'e',
            channel: 'Video',
            callState: 'Parked',
            members: [{ role: 'Supervisor', callState: 'Whisper' }],
          },
        ],
      },
      0,
    ).items;
    expect(s).toMatchObject({ channel: 'Video', callState: 'Parked' });
    expect(s!.members[0]).toMatchObject({ role: 'Supervisor', callState: 'Whisper' });
  });

  it('keeps only http(s) avatar URLs', () => {
    const urls = [
      'https://cdn.example.com/a.png',
      'http://example.com/b.png',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:image/png;base64,AAAA',
      '//evil.example.com/x.png',
      '/avatars/1.png',
      'not a url',
    ];
    const [s] = decodeSessionsPage(
      { items: [{ id: 'a', members: urls.map((avatarUrl) => ({ avatarUrl })) }] },
      0,
    ).items;
    expect(s!.members.map((m) => m.avatarUrl)).toEqual([
      urls[0],
      urls[1],
      ...urls.slice(2).map(() => undefined),
    ]);
  });

  it('turns applicationData into entries, stringifying numbers and booleans and dropping the rest', () => {
    const [s] = decodeSessionsPage(
      {
        items: [
          {
            id: 'a',
            members: [
              { applicationData: { a: 'x', n: 3, b: false, z: null, o: { deep: 1 }, l: [1] } },
              { applicationData: ['not', 'a', 'map'] },
              { applicationData: 'text' },
            ],
          },
        ],
      },
      0,
    ).items;
    expect(s!.members.map((m) => m.applicationData)).toEqual([
      [
        ['a', 'x'],
        ['n', '3'],
        ['b', 'false'],
      ],
      [],
      [],
    ]);
  });

  it('names items without an id by page and index, so they stay unique across pages', () => {
    const items = decodeSessionsPage({ items: [{ id: '' }, 'junk', { id: null }, { id: 'real' }] }, 7).items;
    expect(items.map((s) => s.id)).toEqual(['unknown-7-0', 'unknown-7-2', 'real']);
  });

  it('reads non-list responses as an empty page', () => {
    for (const x of [null, 'x', 42, [], [{ id: 'a' }], {}, { items: 'nope' }]) {
      expect(decodeSessionsPage(x, 0)).toEqual({
        items: [],
        totalCount: undefined,
        totalPages: undefined,
        hasMorePages: undefined,
      });
    }
  });

  it('leaves totals undefined under simplifiedPaging', () => {
    expect(decodeSessionsPage({ items: [], hasMorePages: false }, 9)).toEqual({
      items: [],
      totalCount: undefined,
      totalPages: undefined,
      hasMorePages: false,
    });
  });
});
