// What answers /api: the sandbox (default) or a real Evo Voice (EVOVOICE_URL). Shared by `npm start`
// and `npm run dev`, which load the sandbox modules differently (tsx vs. Vite's SSR loader).
import type { Hono } from 'hono';
import type { ApiOptions } from './app-server.ts';

/** The part of server/sandbox/{config,off-thread}.ts this file relies on. */
export interface SandboxModules {
  readSandboxConfig(env?: NodeJS.ProcessEnv): object;
  /** Opens the sandbox with its queries in worker threads, off the server's event loop. */
  openSandboxOffThread(config: never): Promise<{ app: Hono; summary: string; close(): void }>;
}

export interface ApiBackend {
  /** For createAppServer / createApiApp: evoVoiceUrl or the opened sandbox, plus the proxy settings. */
  apiOptions: ApiOptions;
  /** One line for the start banner: the sandbox summary or the proxied URL. */
  description: string;
  close(): void;
}

/** Settings of the app server itself, read from the environment. */
export interface AppServerEnv {
  host: string;
  port: number;
  evoVoiceUrl: string | undefined;
  secure: boolean;
  upstreamTimeoutMs: number;
}

export function readAppServerEnv(env: NodeJS.ProcessEnv = process.env): AppServerEnv {
  const port = Number(env.PORT?.trim() || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const upstreamTimeoutMs = Number(env.UPSTREAM_TIMEOUT_MS?.trim() || 30_000);
  if (!Number.isInteger(upstreamTimeoutMs) || upstreamTimeoutMs <= 0) {
    throw new Error(`UPSTREAM_TIMEOUT_MS must be a positive integer, got "${env.UPSTREAM_TIMEOUT_MS}"`);
  }
  const evoVoiceUrl = env.EVOVOICE_URL?.trim() || undefined;
  if (evoVoiceUrl && !/^https?:\/\/[^/]/i.test(evoVoiceUrl)) {
    throw new Error(
      `EVOVOICE_URL must be an http(s) URL such as https://team.evovoice.io, got "${evoVoiceUrl}"`,
    );
  }
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    evoVoiceUrl,
    secure: ['1', 'true', 'yes', 'on'].includes((env.SECURE_COOKIES ?? '').trim().toLowerCase()),
    upstreamTimeoutMs,
  };
}

export async function openApiBackend(
  settings: AppServerEnv,
  loadSandbox: () => Promise<SandboxModules>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ApiBackend> {
  const common = { secure: settings.secure || undefined, upstreamTimeoutMs: settings.upstreamTimeoutMs };
  if (settings.evoVoiceUrl) {
    return {
      apiOptions: { ...common, evoVoiceUrl: settings.evoVoiceUrl },
      description: `proxying ${settings.evoVoiceUrl}`,
      close: () => {},
    };
  }
  const modules = await loadSandbox();
  const sandbox = await modules.openSandboxOffThread(modules.readSandboxConfig(env) as never);
  return {
    apiOptions: { ...common, sandbox },
    description: `sandbox: ${sandbox.summary}`,
    close: () => sandbox.close(),
  };
}
