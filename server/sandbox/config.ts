// Sandbox settings, read once from the environment. Everything that shapes the generated data
// (sessions, seed, specimens) is part of the database's meta table, so changing it forces a rebuild.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SandboxConfig {
  port: number;
  sessions: number;
  seed: number;
  dbPath: string;
  /** Fixed epoch ms from SANDBOX_NOW (an ISO string in the env), or undefined for the real clock. */
  now: number | undefined;
  latencyMs: number;
  failRate: number;
  auth: boolean;
  specimens: boolean;
  /** New sessions per minute, created at the clock as it runs (0: none). Shapes the data. */
  arrivalsPerMin: number;
  /** Sessions just past the archive age that the live store still answers too (in transit). */
  inBothStores: number;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DB_PATH = path.join(REPO_ROOT, '.sandbox', 'sessions.db');
/** Ten a second: arrivals are written as the clock passes them, and a day of them is caught up at once. */
export const MAX_ARRIVALS_PER_MIN = 600;

export function readSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  return {
    port: readInt(env, 'SANDBOX_PORT', 4010, 0, 65535),
    sessions: readInt(env, 'SANDBOX_SESSIONS', 25000, 0, 20_000_000),
    seed: readInt(env, 'SANDBOX_SEED', 1, 0, 2 ** 31 - 1),
    dbPath: readDbPath(env.SANDBOX_DB),
    now: readNow(env.SANDBOX_NOW),
    latencyMs: readInt(env, 'SANDBOX_LATENCY_MS', 0, 0, 600_000),
    failRate: readRate(env.SANDBOX_FAIL_RATE),
    auth: readFlag(env.SANDBOX_AUTH),
    specimens: readFlag(env.SANDBOX_SPECIMENS),
    arrivalsPerMin: readInt(env, 'SANDBOX_ARRIVALS_PER_MIN', 0, 0, MAX_ARRIVALS_PER_MIN),
    inBothStores: readInt(env, 'SANDBOX_IN_BOTH_STORES', 0, 0, 10_000),
  };
}

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function readRate(raw: string | undefined): number {
  if (!raw?.trim()) return 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`SANDBOX_FAIL_RATE must be a number between 0 and 1, got "${raw}"`);
  }
  return value;
}

function readNow(raw: string | undefined): number | undefined {
  if (!raw?.trim()) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new Error(`SANDBOX_NOW must be an ISO date-time, got "${raw}"`);
  return ms;
}

function readFlag(raw: string | undefined): boolean {
  return ['1', 'true', 'yes', 'on'].includes((raw ?? '').trim().toLowerCase());
}

function readDbPath(raw: string | undefined): string {
  const value = raw?.trim();
  if (!value) return DEFAULT_DB_PATH;
  if (value === ':memory:') return value;
  // Relative paths are relative to the repo root, so `npm run sandbox` and the app server agree.
  return path.resolve(REPO_ROOT, value);
}
