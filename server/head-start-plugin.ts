import type { Plugin } from 'vite';

/** The module that requests page 0 of the view in the address bar (src/app/head-start.ts). */
export const HEAD_START_MODULE = 'src/app/head-start.ts';

/**
 * Builds the head start as an entry chunk of its own and loads it from the top of index.html,
 * async, so page 0 is requested as soon as the HTML is parsed instead of after the whole app has
 * been downloaded and compiled. The entry imports the same module, so it runs once whichever
 * script gets there first, and the app still works wherever the tag is missing (`vite` dev).
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
      handler: (_html, { bundle }) => {
        const chunk = Object.values(bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith(HEAD_START_MODULE),
        );
        if (!chunk) throw new Error(`the build has no entry chunk for ${HEAD_START_MODULE}`);
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
