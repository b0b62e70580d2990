// The window widths at which the sessions screen changes its layout. The CSS media queries use the
// same numbers (sessions-screen.css, filter-sheet.css, sessions-table.css, session-drawer.css,
// date-range-control.css); change them together.

/**
 * Narrower than 1280 px, the filter panel beside the table would squeeze the table below its
 * default columns (they need about 1000 px): the filters open as a sheet over the page instead,
 * closed until asked for.
 */
export const FILTER_SHEET_QUERY = '(max-width: 1279.98px)';

/**
 * Phones: the table shows only the columns that matter most (NARROW_COLUMNS); the drawer, opened
 * full-screen by a tap, shows the rest.
 */
export const NARROW_QUERY = '(max-width: 639.98px)';
