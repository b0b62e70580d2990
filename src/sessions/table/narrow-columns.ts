// On a phone the table shows the columns that matter most; the drawer, a tap away, shows the rest.
// The narrow set follows the window's width and is never stored: the user's own column choices
// (sh.columns.visible) are there again on a wider screen.
import { useCallback, useMemo } from 'react';
import { useMediaQuery } from '../../lib/use-media-query';
import { useColumnVisibility } from '../preferences';
import { NARROW_QUERY } from '../screen-widths';
import { COLUMN_META, columnVisibility } from './column-defs';

export const NARROW_COLUMNS = ['start', 'from', 'outcome'];

export const NARROW_VISIBILITY: Record<string, boolean> = Object.fromEntries(
  Object.keys(COLUMN_META).map((id) => [id, NARROW_COLUMNS.includes(id)]),
);

/**
 * The column visibility the table shows at this width, and a setter for the user's choice. On a
 * narrow screen the setter does nothing: what the table shows there is not the user's choice.
 */
export function useShownColumnVisibility(): [
  Record<string, boolean>,
  (next: Record<string, boolean>) => void,
] {
  const narrow = useMediaQuery(NARROW_QUERY);
  const [stored, setStored] = useColumnVisibility();
  const chosen = useMemo(() => columnVisibility(stored), [stored]);
  const set = useCallback(
    (next: Record<string, boolean>) => {
      if (!narrow) setStored(next);
    },
    [narrow, setStored],
  );
  return [narrow ? NARROW_VISIBILITY : chosen, set];
}
