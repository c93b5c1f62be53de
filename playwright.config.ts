import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run against the real backend serving the built frontend
 * (as in production): `./scripts/test.sh` builds the app first. Chromium is
 * Debian's package; Playwright never downloads a browser here.
 */
const port = Number(process.env.INTERCHANGE_E2E_PORT ?? 7007);

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e/results.json' }],
    ['html', { open: 'never', outputFolder: 'test-results/e2e/report' }],
  ],
  outputDir: 'test-results/e2e/artifacts',
  // After the run: no configured secret value in any API response the
  // browser received or in the backend's log.
  globalTeardown: './packages/app/e2e-tests/secretScan.teardown.ts',
  webServer: [
    // The demo traffic (scripts/demo/traffic.cjs) on the broker the test
    // command started and seeded: started before the backend, so its first
    // lag samples already see the producers and consumers.
    {
      command: `mkdir -p test-results && node scripts/demo/traffic.cjs --brokers \${INTERCHANGE_TEST_KAFKA_BROKERS:-127.0.0.1:19092} --backend http://localhost:${port} > test-results/e2e-traffic.log 2>&1`,
      url: 'http://127.0.0.1:7011/ready',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The backend's request log would drown the test report; it is kept in
      // a file next to the other results instead.
      command:
        'mkdir -p test-results && yarn workspace backend start --config ../../app-config.yaml --config ../../app-config.e2e.yaml > test-results/e2e-backend.log 2>&1',
      url: `http://127.0.0.1:${port}/.backstage/health/v1/readiness`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
