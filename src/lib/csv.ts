// CSV as RFC 4180 writes it (fields separated by commas, records by CRLF, a field quoted when it
// holds a quote, comma or line break, quotes doubled), plus the spreadsheet rule against formula
// injection. Written here rather than with a library: a row is encoded as it is streamed, and the
// formula rule must be exactly this one (papaparse's `escapeFormulae: true` would also escape phone
// numbers such as +15035551234 and miss a trigger followed by a line break).

/** First characters that make Excel, LibreOffice or Sheets read a cell as a formula: = + - @ tab CR. */
const isFormulaTrigger = (code: number) =>
  code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
/** A plain number is data, never a formula: +15035551234 and -3.5 stay as they are. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: a leading `'` when the cell would start a formula (spreadsheets show the text and hide
 * the quote), then quoted when it holds a quote, comma or line break. It runs for every cell of an
 * export: a character code and one test for most cells.
 */
export function csvField(value: string): string {
  const safe = isFormulaTrigger(value.charCodeAt(0)) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, with its CRLF. */
export function csvRecord(values: readonly string[]): string {
  let record = '';
  for (let i = 0; i < values.length; i++) record += (i > 0 ? ',' : '') + csvField(values[i]!);
  return `${record}\r\n`;
}

/** Excel reads a CSV file as UTF-8 only when it starts with this byte order mark. */
export const UTF8_BOM = '\uFEFF';
