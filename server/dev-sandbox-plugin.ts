// `npm run dev`: Vite serves the app with hot reload; this plugin answers /api in the same process
// with the sandbox (or the Evo Voice proxy when EVOVOICE_URL is set), so dev is one command.
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';
import { createApiApp } from './app-server.ts';
import { openApiBackend, readAppServerEnv, type ApiBackend, type SandboxModules } from './api-backend.ts';

export function devSandboxPlugin(): Plugin {
  let backend: ApiBackend | undefined;
  return {
    name: 'session-history:dev-api',
    apply: 'serve',
    async configureServer(server) {
      const settings = readAppServerEnv();
      // Loaded through Vite (not bundled into the config), so the sandbox's TypeScript needs no build step.
      const loadSandbox = async (): Promise<SandboxModules> => {
        const config = await server.ssrLoadModule('/server/sandbox/config.ts');
        const sandbox = await server.ssrLoadModule('/server/sandbox/off-thread.ts');
        return { ...config, ...sandbox } as unknown as SandboxModules;
      };
      backend = await openApiBackend(settings, loadSandbox);
      server.config.logger.info(`  /api: ${backend.description}`);

      const app = new Hono().route('/api', createApiApp(backend.apiOptions));
      const listener = getRequestListener(app.fetch);
      // Not mounted with a path: connect would strip /api from req.url before Hono sees it.
      server.middlewares.use((req, res, next) => {
        if (req.url === '/api' || req.url?.startsWith('/api/') || req.url?.startsWith('/api?')) {
          void listener(req, res);
        } else {
          next();
        }
      });
      server.httpServer?.once('close', () => {
        backend?.close();
        backend = undefined;
      });
    },
  };
}
