import { defineConfig } from 'vitest/config';
import type { PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import { headStart } from './server/head-start-plugin.ts';
import { precompress } from './server/precompress-plugin.ts';

// `npm run dev` serves the app with the sandbox mounted behind /api in the same process
// (see server/dev-sandbox-plugin.ts); `npm start` serves the production build the same way.

export default defineConfig(({ command, mode }) => {
  const plugins: PluginOption[] = [react(), headStart(), precompress()];
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
