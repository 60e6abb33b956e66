import { defineConfig } from '@playwright/test';

// Separate ports and folders let several runs share a machine (E2E_PORT, E2E_DATA_DIR).
const port = Number(process.env.E2E_PORT ?? 3100);
export const e2eDataDir = process.env.E2E_DATA_DIR ?? '.e2e-data';

/**
 * Journeys in Debian's Chromium (never a downloaded browser) against Parity started exactly as the
 * README's first command does, on a throwaway SQLite database with the demo data.
 */
export default defineConfig({
  testDir: 'e2e',
  // Spec files run three at a time against the one server (each journey makes its own records);
  // the journeys of a file run in order. Two at a time left a 2-core machine a third idle, waiting on
  // the server and Chromium: the 32 journeys took 5.6 min three at a time against 6.7 min two at a
  // time on a slow machine (2026-12-07). A journey may take two minutes on such a machine, most of
  // it in the axe scans, hence the time limit.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 3),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  timeout: 180_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `rm -rf ${e2eDataDir} && node bin/parity.js start`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATA_DIR: e2eDataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    },
  },
});
