// CSV as RFC 4180 writes it (fields separated by commas, records by CRLF, a field quoted when it
// holds a quote, comma or line break, quotes doubled), plus the spreadsheet rule against formula
// injection. Written here rather than with a library: a row is encoded as it is streamed, and the
// formula rule must be exactly this one (papaparse's `escapeFormulae: true` would also escape phone
// numbers such as +15035551234 and miss a trigger followed by a line break).

/** First characters that make Excel, LibreOffice or Sheets read a cell as a formula. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
/** A plain number is data, never a formula: +15035551234 and -3.5 stay as they are. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: a leading `'` when the cell would start a formula (spreadsheets show the text and hide
 * the quote), then quoted when it holds a quote, comma or line break.
 */
export function csvField(value: string): string {
  const safe = FORMULA_TRIGGER.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, with its CRLF. */
export function csvRecord(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Excel reads a CSV file as UTF-8 only when it starts with this byte order mark. */
export const UTF8_BOM = '\uFEFF';
