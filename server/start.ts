// `npm start`: build if needed, then serve dist/ and /api (sandbox in-process, or the Evo Voice proxy).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { openApiBackend, readAppServerEnv } from './api-backend.ts';
import { createAppServer, listen } from './app-server.ts';
import { buildIfStale } from './build-if-stale.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const settings = readAppServerEnv();
  buildIfStale(root);

  const backend = await openApiBackend(settings, async () => ({
    ...(await import('./sandbox/config.ts')),
    ...(await import('./sandbox/off-thread.ts')),
  }));
  const app = createAppServer({ distDir: path.join(root, 'dist'), ...backend.apiOptions });
  let server: Awaited<ReturnType<typeof listen>>;
  try {
    server = await listen(app, { hostname: settings.host, port: settings.port, secure: settings.secure });
  } catch (error) {
    console.error(`Cannot listen on ${settings.host}:${settings.port}: ${(error as Error).message}`);
    backend.close();
    process.exit(1);
  }
  const info = server.address() as AddressInfo;
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  console.log(`Session History on http://${host}:${info.port} (${backend.description})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    // Let in-flight requests finish, but do not wait on idle keep-alive connections or a stuck client.
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    server.close(() => {
      backend.close();
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
