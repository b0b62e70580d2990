import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeRedirect, signInPath } from './safe-redirect';

describe('safeRedirect', () => {
  it.each([
    '/',
    '/?from=%2B15035550100&range=7d',
    '/sessions/abc/print?x=1',
    '/?q=a%20b#top',
    '/path//double',
  ])('accepts the same-origin path %s as it is', (path) => {
    expect(safeRedirect(path)).toBe(path);
  });

  it.each([
    undefined,
    null,
    42,
    ['/'],
    '',
    'sessions',
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/x\\..\\..\\evil',
    'https://evil.example/',
    'http:/evil.example',
    'javascript:alert(1)',
    ' /',
    '/sign-in',
    '/sign-in?redirect=%2F',
    '/.//evil.example',
    '/..//evil.example',
    '/a/..//evil.example/x?y=1',
    '/%2e//evil.example',
  ])('refuses %j and answers /', (raw) => {
    expect(safeRedirect(raw)).toBe('/');
  });

  it('never leaves the origin, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.webPath(),
          fc.string().map((s) => `/${s}`),
        ),
        (raw) => {
          const out = safeRedirect(raw);
          const resolved = new URL(out, 'https://app.example');
          expect(resolved.origin).toBe('https://app.example');
          expect(out.startsWith('/')).toBe(true);
          expect(out.startsWith('//')).toBe(false);
          expect(resolved.pathname.startsWith('//')).toBe(false);
          expect(out === '/' || out === raw).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps every ordinary app path intact', () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (path, query) => {
        const candidate = `/${path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
        if (candidate.startsWith('/sign-in')) return;
        // Dot segments that resolve to `//...` (`/.//x`) are refused on purpose, see above.
        if (new URL(candidate, 'https://app.example').pathname.startsWith('//')) return;
        expect(safeRedirect(candidate)).toBe(candidate);
      }),
    );
  });
});

describe('signInPath', () => {
  it('carries the current path and query string, encoded', () => {
    expect(signInPath('/?from=%2B15035550100&range=7d')).toBe(
      '/sign-in?redirect=%2F%3Ffrom%3D%252B15035550100%26range%3D7d',
    );
    expect(signInPath('http://localhost:8080/sessions/abc/print?x=1')).toBe(
      '/sign-in?redirect=%2Fsessions%2Fabc%2Fprint%3Fx%3D1',
    );
  });

  it('omits a redirect to the start page and never nests sign-in pages', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/sign-in?redirect=%2F%3Fx%3D1')).toBe('/sign-in?redirect=%2F%3Fx%3D1');
  });

  it('round-trips: the sign-in page returns to where the user was', () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (path, query) => {
        const here = `/${path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
        // Where an address leads: `/.` and `/a/..` are the start page, as browsers resolve them.
        const resolve = (p: string) => new URL(p, 'https://app.example').href;
        const { pathname } = new URL(resolve(here));
        // Addresses that resolve to `//...` are refused on purpose (the list above): `/` is right for them.
        if (pathname.startsWith('/sign-in') || pathname.startsWith('//')) return;
        const target = new URL(signInPath(here), 'https://app.example');
        const back = target.searchParams.get('redirect') ?? '/';
        expect(resolve(safeRedirect(back))).toBe(resolve(here));
      }),
      { numRuns: 1000 },
    );
  });
});
