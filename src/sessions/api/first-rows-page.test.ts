import { describe, expect, it } from 'vitest';
import { resolveView } from '../view/sessions-view';
import type { SessionSearch } from '../filters/session-search';
import { firstRowsPage, firstRowsPageAtOnce } from './first-rows-page';

const NOW = Date.parse('2026-12-05T15:20:00Z');
const view = (search: SessionSearch) => resolveView(search, NOW, 'utc');

describe('the first rows page asked for before the edge search', () => {
  it('is page 0 of the first request for a window still open at its end, newest first', () => {
    for (const search of [{}, { range: '1h' }, { range: 'today' }, { archive: true }] as SessionSearch[]) {
      const v = view(search);
      expect(firstRowsPageAtOnce(v)).toEqual({ request: v.segments[0]!.request, n: 0 });
      // The same page the table asks for once the search puts the first edge at row 0.
      expect(firstRowsPageAtOnce(v)).toEqual(firstRowsPage(v, 0));
    }
  });

  it('waits for the search when the window is over, oldest first, or under another sort', () => {
    const searches: SessionSearch[] = [
      { range: 'yesterday' },
      { start: '2026-12-01', end: '2026-12-02' },
      { sort: { field: 'dateCreated', desc: false } },
      { sort: { field: 'customerName', desc: true } },
    ];
    for (const search of searches) expect(firstRowsPageAtOnce(view(search))).toBeUndefined();
  });
});
