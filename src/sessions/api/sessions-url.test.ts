import { describe, expect, it } from 'vitest';
import { pageQuery, SESSIONS_PAGE_SIZE } from './sessions-url';

describe('pageQuery', () => {
  it('counts only page 0 of a result sorted by another field than the date (its total is the row count)', () => {
    const byName = { sortField: 'customerName', sortOrder: 'Ascend' } as const;
    const counted = (q: URLSearchParams) => q.get('simplifiedPaging') !== 'true';
    expect(counted(pageQuery(byName, 0))).toBe(true);
    expect(counted(pageQuery(byName, 1))).toBe(false);
    // Sorted by date, named or by default, in either order, the edge search counts the result.
    expect(counted(pageQuery({}, 0))).toBe(false);
    expect(counted(pageQuery({ sortField: 'dateCreated', sortOrder: 'Ascend' }, 0))).toBe(false);
    expect(counted(pageQuery({ sortField: 'dateCreated' }, 3))).toBe(false);
  });

  it('asks for a page of SESSIONS_PAGE_SIZE rows of the filter, 0-based', () => {
    const q = pageQuery({ to: '+1' }, 2);
    expect([q.get('to'), q.get('page'), q.get('countPerPage')]).toEqual([
      '+1',
      '2',
      String(SESSIONS_PAGE_SIZE),
    ]);
  });
});
