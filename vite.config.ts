import { defineConfig } from 'vitest/config';
import type { Plugin, PluginOption } from 'vite';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Writes `.br` and `.gz` beside every text file of the build, once, so the app server sends them
 * as they are (`serveStatic({ precompressed: true })`) instead of compressing on each request on
 * the thread that also answers the sandbox's /api.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'session-history:precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: () => {
      const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
      for (const file of files.filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
        const full = path.join(outDir, file);
        const data = readFileSync(full);
        if (data.length < 1024) continue;
        writeFileSync(`${full}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(
          `${full}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}
import react from '@vitejs/plugin-react';

// `npm run dev` serves the app with the sandbox mounted behind /api in the same process
// (see server/dev-sandbox-plugin.ts); `npm start` serves the production build the same way.
export default defineConfig(({ command, mode }) => {
  const plugins: PluginOption[] = [react(), precompress()];
  if (command === 'serve' && mode !== 'test' && !process.env.VITEST) {
    // Loaded only for `vite` dev: tests and builds never open the sandbox database.
    plugins.push(import('./server/dev-sandbox-plugin.ts').then((m) => m.devSandboxPlugin()));
  }
  return {
    plugins,
    build: {
      target: 'es2022',
      sourcemap: true,
      manifest: true,
      chunkSizeWarningLimit: 600,
      modulePreload: { polyfill: false },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: [
              'src/**/*.test.ts',
              'server/**/*.test.ts',
              'test/contract/**/*.test.ts',
              'bench/**/*.test.ts',
            ],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['src/**/*.test.tsx'],
            setupFiles: ['test/setup-dom.ts'],
            testTimeout: 20_000,
          },
        },
      ],
    },
  };
});
