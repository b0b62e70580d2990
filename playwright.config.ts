import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/chromium';

// Browser tests run the production build against the real sandbox, in Debian's Chromium
// (Playwright never downloads a browser here). `npm test` builds first, so both servers below
// find dist/ fresh and only open their sandboxes.

// E2E_PORT lets several checkouts run their browser tests side by side.
const APP_PORT = Number(process.env.E2E_PORT ?? 4173);
const AUTH_PORT = APP_PORT + 1;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./test/browsers-reporter.ts']],
  use: {
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'app',
      testIgnore: /auth\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${APP_PORT}` },
    },
    {
      name: 'auth',
      testMatch: /auth\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${AUTH_PORT}` },
    },
  ],
  webServer: [
    {
      // 150,000 sessions: the archived view of the whole range holds about 130,000 rows.
      command: 'npm start',
      url: `http://127.0.0.1:${APP_PORT}/`,
      env: {
        PORT: String(APP_PORT),
        SANDBOX_SESSIONS: '150000',
        SANDBOX_SPECIMENS: '1',
        SANDBOX_DB: '.sandbox/e2e.db',
      },
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'pipe',
    },
    {
      command: 'npm start',
      url: `http://127.0.0.1:${AUTH_PORT}/`,
      env: {
        PORT: String(AUTH_PORT),
        SANDBOX_AUTH: '1',
        SANDBOX_SESSIONS: '3000',
        SANDBOX_DB: '.sandbox/e2e-auth.db',
      },
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'pipe',
    },
  ],
});
