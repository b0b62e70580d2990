// Numbers as people type them. The API's from/to search is a plain "contains" over the stored
// address, which holds a number as its digits (`+15035551234`): "(503) 555-1234" or "503.555.1234"
// would find nothing. A search that is only a number written with the usual separators is sent as
// its digits (and its leading `+`); anything else (`sip:…`, `client:…`, names, "1-800-FLOWERS") is
// sent as typed. Plain code: the view resolver and the head start use it.

/** Digits, with the separators people write numbers with: spaces, dashes, dots, slashes, parentheses. */
const FORMATTED_NUMBER = /^\+?[\d\s().\-/\u00a0]+$/;

/**
 * The text to search for: a formatted number becomes its digits ("+1 (503) 555-1234" →
 * "+15035551234", "503 555" → "503555"); every other text is returned unchanged.
 */
export function normalizePhoneSearch(text: string): string {
  const trimmed = text.trim();
  if (!FORMATTED_NUMBER.test(trimmed) || !/\d/.test(trimmed)) return text;
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** `undefined` stays `undefined`: for optional filter values. */
export function normalizePhoneFilter(text: string | undefined): string | undefined {
  return text === undefined ? undefined : normalizePhoneSearch(text);
}
