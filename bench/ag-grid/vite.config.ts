// Builds the peer pages (AG Grid and the static table); the benchmark runs it with --outDir (default
// bench/results/tmp/peer-dist: ESLint and git ignore bench/results/tmp, while ESLint ignores only the
// root dist/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from '../../server/precompress-plugin.ts';

const bench = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root: bench,
  logLevel: 'warn',
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(bench, 'results', 'tmp', 'peer-dist'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        agGrid: path.join(bench, 'ag-grid', 'index.html'),
        staticTable: path.join(bench, 'static-table', 'index.html'),
      },
    },
  },
});
