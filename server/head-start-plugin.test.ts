// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { withHeadStart } from './head-start-plugin';

// index.html's head as Vite writes it for the build, before the head start is put in.
const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <title>Session History</title>
    <script type="module" crossorigin src="/assets/index-D4Fx.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/jsx-runtime-C3cW.js">
    <link rel="stylesheet" crossorigin href="/assets/index-BadG.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('withHeadStart', () => {
  it("makes the head start the page's one script, first, naming the app's entry, which is preloaded", () => {
    const html = withHeadStart(BUILT, '/assets/head-start-A5WP.js');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('src')).toBe('/assets/head-start-A5WP.js');
    expect(scripts[0]!.dataset.appEntry).toBe('/assets/index-D4Fx.js');
    expect(scripts[0]!.hasAttribute('async')).toBe(true);
    expect(scripts[0]!.getAttribute('blocking')).toBe('render');
    // First in the head after the title: before the stylesheet and every preload.
    expect(doc.head.firstElementChild!.nextElementSibling).toBe(scripts[0]);
    const preloads = [...doc.querySelectorAll('link[rel="modulepreload"]')].map((l) =>
      l.getAttribute('href'),
    );
    expect(preloads).toEqual(['/assets/index-D4Fx.js', '/assets/jsx-runtime-C3cW.js']);
  });

  it('fails the build when index.html has no title or no entry script, instead of writing a page that never starts', () => {
    expect(() => withHeadStart(BUILT.replace('<title>Session History</title>', ''), '/h.js')).toThrow(
      /title/,
    );
    expect(() => withHeadStart(BUILT.replace(/<script[^>]*><\/script>/, ''), '/h.js')).toThrow(/entry/);
  });
});
