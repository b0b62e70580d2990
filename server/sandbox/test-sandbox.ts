// A sandbox on a random 127.0.0.1 port for tests over real HTTP (contract tests, UI tests).
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { SandboxConfig } from './config';
import { openSandbox, type Sandbox } from './sandbox';

/** The fixed clock test sandboxes run at. */
export const TEST_NOW = '2026-11-27T15:00:00.000Z';
export const TEST_SESSIONS = 3000;

export interface TestSandbox {
  url: string;
  config: SandboxConfig;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** A test sandbox's configuration: in memory, at TEST_NOW, no latency, failures, auth or specimens. */
export function testSandboxConfig(overrides: Partial<SandboxConfig> = {}): SandboxConfig {
  return {
    port: 0,
    sessions: TEST_SESSIONS,
    seed: 1,
    dbPath: ':memory:',
    now: Date.parse(TEST_NOW),
    latencyMs: 0,
    failRate: 0,
    auth: false,
    specimens: false,
    arrivalsPerMin: 0,
    inBothStores: 0,
    ...overrides,
  };
}

export async function startTestSandbox(overrides: Partial<SandboxConfig> = {}): Promise<TestSandbox> {
  const config = testSandboxConfig({ specimens: true, ...overrides });
  const sandbox = openSandbox(config);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: sandbox.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          sandbox.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
