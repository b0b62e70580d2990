import type { Plugin } from 'vite';

/** The module that requests page 0 of the view in the address bar (src/app/head-start.ts). */
export const HEAD_START_MODULE = 'src/app/head-start.ts';

/**
 * Builds the head start as an entry chunk of its own and makes it index.html's one script: first
 * thing in the head, async, so page 0 is requested as soon as that small chunk is in instead of after
 * the whole app has been downloaded and compiled. Being first, its request gets the page's open
 * connection; being render-blocking (`blocking="render"`, where supported), it runs before the first
 * layout and paint of the page (30-50 ms here, fonts included), not after them, and page 0 is asked
 * for that much earlier. It must stay one file: bench/check-bundle-budget.mjs fails the build's check
 * if it imports a chunk.
 *
 * The app's entry is no longer a script of index.html: it is preloaded (downloaded, not run), and its
 * name is on the head start's tag, which starts it once page 0's first rows are painted, or once
 * page 0 has taken too long (head-start.ts). The entry imports the head start too, so that it runs
 * once whichever gets there first, and the app still works wherever the tag is missing (`vite` dev).
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
        return withHeadStart(html, `/${chunk.fileName}`);
      },
    },
  };
}

/**
 * index.html as the build writes it, with the head start (`src`) as its one script, right after the
 * title (before every script and stylesheet the build adds), naming the app's entry, which is
 * preloaded in the entry's script's place.
 */
export function withHeadStart(html: string, src: string): string {
  if (!html.includes('</title>')) throw new Error('index.html has no <title> to put the head start after');
  const entryTag = /<script type="module" crossorigin src="(\/[^"]+)"><\/script>/.exec(html);
  if (!entryTag) throw new Error("index.html has no module script for the app's entry");
  const entry = entryTag[1]!;
  const tag = `<script type="module" async blocking="render" crossorigin src="${src}" data-app-entry="${entry}"></script>`;
  return html
    .replace(entryTag[0], `<link rel="modulepreload" crossorigin href="${entry}">`)
    .replace('</title>', `</title>\n    ${tag}`);
}
