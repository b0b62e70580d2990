import { useState } from 'react';
import { useMediaQuery } from '../../lib/use-media-query';
import { useFilterPanelOpen } from '../preferences';
import { FILTER_SHEET_QUERY } from '../screen-widths';

/**
 * Whether the filters are shown, and whether as a sheet over the page. Beside the table (a wide
 * window) that is the stored preference; as a sheet (a narrower one) it is transient and starts
 * closed, so a phone or tablet opens on the rows, and showing the sheet there never changes what
 * a wide window shows.
 */
export function useFiltersOpen(): [open: boolean, setOpen: (open: boolean) => void, asSheet: boolean] {
  const asSheet = useMediaQuery(FILTER_SHEET_QUERY);
  const [panelOpen, setPanelOpen] = useFilterPanelOpen();
  const [sheetOpen, setSheetOpen] = useState(false);
  return asSheet ? [sheetOpen, setSheetOpen, true] : [panelOpen, setPanelOpen, false];
}
