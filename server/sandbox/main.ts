// `npm run sandbox`: the Evo Voice-compatible sandbox on 127.0.0.1:SANDBOX_PORT.
import { serve } from '@hono/node-server';
import { readSandboxConfig } from './config';
import { openSandbox } from './sandbox';

const config = readSandboxConfig();
const sandbox = openSandbox(config);
const server = serve({ fetch: sandbox.app.fetch, hostname: '127.0.0.1', port: config.port }, (info) => {
  console.log(`Sandbox on http://127.0.0.1:${info.port}: ${sandbox.summary}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    sandbox.close();
    process.exit(0);
  });
}
