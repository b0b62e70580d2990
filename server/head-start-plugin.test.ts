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
  it("puts the head start first in the head, async, and leaves the app's entry as the build wrote it", () => {
    const html = withHeadStart(BUILT, '/assets/head-start-A5WP.js');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('src'))).toEqual([
      '/assets/head-start-A5WP.js',
      '/assets/index-D4Fx.js',
    ]);
    expect(scripts[0]!.hasAttribute('async')).toBe(true);
    expect(scripts[0]!.getAttribute('blocking')).toBeNull();
    // First in the head after the title: before the stylesheet and every preload.
    expect(doc.head.firstElementChild!.nextElementSibling).toBe(scripts[0]);
  });

  it('fails the build when index.html has no title, instead of writing a page without a head start', () => {
    expect(() => withHeadStart(BUILT.replace('<title>Session History</title>', ''), '/h.js')).toThrow(
      /title/,
    );
  });
});
