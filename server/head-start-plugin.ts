import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The module that requests page 0 of the view in the address bar (src/app/head-start.ts). */
export const HEAD_START_MODULE = 'src/app/head-start.ts';

/**
 * Builds the head start as an entry chunk of its own and puts it first in index.html's head, async,
 * so page 0 is requested as soon as that small chunk is in, instead of after the whole app has been
 * downloaded and compiled; being first, its request gets the page's open connection. The app's
 * entry stays where the build puts it and imports the head start, which runs once. Any chunk it
 * imports must be one index.html preloads: bench/check-bundle-budget.mjs fails the build's check
 * otherwise.
 *
 * What the head start imports goes into one chunk (with what those modules import), which the app's
 * entry imports too: left to itself, the build splits the modules the two entries share into about
 * ten small chunks, each a request and each compressed on its own.
 */
export function headStart(): Plugin {
  return {
    name: 'session-history:head-start',
    apply: 'build',
    config: (config) => {
      const imports = headStartImports(resolve(config.root ?? process.cwd(), HEAD_START_MODULE));
      return {
        build: {
          rolldownOptions: {
            input: { index: 'index.html', 'head-start': HEAD_START_MODULE },
            output: {
              codeSplitting: {
                groups: [
                  {
                    name: 'head-start-deps',
                    test: (id: string) => imports.has(id.replace(/\.[jt]sx?$/, '')),
                  },
                ],
              },
            },
          },
        },
      };
    },
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

/** index.html as the build writes it, with the head start (`src`) as its first script, right after the title. */
export function withHeadStart(html: string, src: string): string {
  if (!html.includes('</title>')) throw new Error('index.html has no <title> to put the head start after');
  const tag = `<script type="module" async crossorigin src="${src}"></script>`;
  return html.replace('</title>', `</title>\n    ${tag}`);
}

/** The modules a module imports by relative path, as absolute paths without their extension. */
export function headStartImports(file: string): Set<string> {
  const source = readFileSync(file, 'utf8');
  const paths = [...source.matchAll(/^import [^;]*? from '(\.{1,2}\/[^']+)';$/gm)].map((m) =>
    resolve(dirname(file), m[1]!).replace(/\.[jt]sx?$/, ''),
  );
  return new Set(paths);
}
