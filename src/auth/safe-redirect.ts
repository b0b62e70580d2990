// Where to go after signing in. `redirect` comes from the URL, so anyone can craft it: only a path on
// this origin is accepted, never `//evil.example`, `/\evil.example`, `https://...` or `javascript:`.

const SIGN_IN_PATH = '/sign-in';
const PROBE_ORIGIN = 'https://same-origin.invalid';

/**
 * The path to navigate to after signing in: `raw` when it is a same-origin path (one leading `/`, no
 * backslash right after it, no control characters, no dot segments that normalize to `//`), otherwise `/`. Returned as given, so its query
 * string keeps its encoding (`%2B1503...` stays a plus sign). The sign-in page itself maps to `/`.
 */
export function safeRedirect(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.startsWith('/')) return '/';
  if (raw[1] === '/' || raw[1] === '\\') return '/';
  // Browsers drop tabs/newlines and treat `\` like `/`, so `/\t/evil` and `/x\..\/evil` games are refused whole.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE_ORIGIN) return '/';
  // `/.//evil.example` and `/..//evil.example` normalize to the path `//evil.example`: harmless as
  // given, but a protocol-relative URL the moment anything rebuilds a link from the normalized path.
  if (url.pathname.startsWith('//')) return '/';
  if (url.pathname === SIGN_IN_PATH) return '/';
  return raw;
}

/**
 * The sign-in page that comes back to `currentHref` (a path + search, or a full URL of this app) after
 * signing in, e.g. `/sign-in?redirect=%2F%3Ffrom%3D%252B1503`. Use it on a 401 from /api/sessions.
 */
export function signInPath(currentHref: string): string {
  // Drop scheme and host of a full URL by hand: re-serialising through URL would re-encode the query.
  const authority = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(currentHref);
  const here = authority ? currentHref.slice(authority[0].length) || '/' : currentHref;
  let pathname: string;
  try {
    pathname = new URL(here, PROBE_ORIGIN).pathname;
  } catch {
    return SIGN_IN_PATH;
  }
  if (pathname === SIGN_IN_PATH) return here;
  const back = safeRedirect(here);
  return back === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?redirect=${encodeURIComponent(back)}`;
}
