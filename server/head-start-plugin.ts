import type { Plugin } from 'vite';

/** The module that requests page 0 of the view in the address bar (src/app/head-start.ts). */
export const HEAD_START_MODULE = 'src/app/head-start.ts';

/**
 * Builds the head start as an entry chunk of its own and loads it first thing in index.html's head,
 * async, so page 0 is requested as soon as that small chunk is in instead of after the whole app has
 * been downloaded and compiled. Being first, its request gets the page's open connection; being
 * render-blocking (`blocking="render"`, where supported), it runs before the first layout and paint
 * of the page (30-50 ms here, fonts included), not after them, and page 0 is asked for that much
 * earlier. It must stay one file: bench/check-bundle-budget.mjs fails the build's check if it
 * imports a chunk. The entry imports the same module, so it runs once whichever script gets there
 * first, and the app still works wherever the tag is missing (`vite` dev).
 */
export function headStart(): Plugin {
  return {
    name: 'session-history:head-start',
    apply: 'build',
    config: () => ({
      build: { rolldownOptions: { input: { index: 'index.html', 'head-start': HEAD_START_MODULE } } },
    }),
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) => {
        const chunk = Object.values(bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith(HEAD_START_MODULE),
        );
        if (!chunk) throw new Error(`the build has no entry chunk for ${HEAD_START_MODULE}`);
        // After the head's metadata, before every script and stylesheet the build adds.
        if (!html.includes('</title>'))
          throw new Error('index.html has no <title> to put the head start after');
        const tag = `<script type="module" async blocking="render" crossorigin src="/${chunk.fileName}"></script>`;
        return html.replace('</title>', `</title>\n    ${tag}`);
      },
    },
  };
}
