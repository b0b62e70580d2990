import { describe, expect, it, vi } from 'vitest';
import { Hono } from 'hono';
import { openApiBackend, readAppServerEnv } from './api-backend';

describe('readAppServerEnv', () => {
  it('has safe defaults: 127.0.0.1:8080, the sandbox, no Secure cookies', () => {
    expect(readAppServerEnv({})).toEqual({
      host: '127.0.0.1',
      port: 8080,
      evoVoiceUrl: undefined,
      secure: false,
      upstreamTimeoutMs: 30_000,
    });
  });

  it('reads PORT, HOST, EVOVOICE_URL, SECURE_COOKIES, UPSTREAM_TIMEOUT_MS', () => {
    expect(
      readAppServerEnv({
        PORT: '0',
        HOST: '0.0.0.0',
        EVOVOICE_URL: 'https://team.evovoice.io',
        SECURE_COOKIES: '1',
        UPSTREAM_TIMEOUT_MS: '5000',
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 0,
      evoVoiceUrl: 'https://team.evovoice.io',
      secure: true,
      upstreamTimeoutMs: 5000,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ EVOVOICE_URL: 'team.evovoice.io' }, /EVOVOICE_URL/],
    [{ EVOVOICE_URL: 'file:///etc/passwd' }, /EVOVOICE_URL/],
    [{ UPSTREAM_TIMEOUT_MS: '-1' }, /UPSTREAM_TIMEOUT_MS/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => readAppServerEnv(env)).toThrow(message);
  });
});

describe('openApiBackend', () => {
  it('proxies without loading the sandbox when EVOVOICE_URL is set', async () => {
    const load = vi.fn();
    const backend = await openApiBackend(
      readAppServerEnv({ EVOVOICE_URL: 'https://team.evovoice.io' }),
      load,
    );
    expect(load).not.toHaveBeenCalled();
    expect(backend.description).toBe('proxying https://team.evovoice.io');
    expect(backend.apiOptions.evoVoiceUrl).toBe('https://team.evovoice.io');
  });

  it('opens the sandbox with the SANDBOX_* settings otherwise, and closes it', async () => {
    const close = vi.fn();
    const openSandboxOffThread = vi.fn(async () => ({ app: new Hono(), summary: '42 sessions', close }));
    const readSandboxConfig = vi.fn((env?: NodeJS.ProcessEnv) => ({
      sessions: Number(env?.SANDBOX_SESSIONS),
    }));
    const backend = await openApiBackend(
      readAppServerEnv({}),
      async () => ({ openSandboxOffThread, readSandboxConfig }),
      {
        SANDBOX_SESSIONS: '42',
      },
    );
    expect(openSandboxOffThread).toHaveBeenCalledWith({ sessions: 42 });
    expect(backend.description).toBe('sandbox: 42 sessions');
    backend.close();
    expect(close).toHaveBeenCalled();
  });
});
