import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium, realDeps } from './tests/support/find-browser.ts';

const port = Number(process.env.TEST_PORT ?? 4410);
export const baseURL = `http://127.0.0.1:${port}`;

// Found once in the main process; workers inherit the result through the environment.
if (process.env.PLAYWRIGHT_CHROMIUM_RESOLVED === undefined) {
  process.env.PLAYWRIGHT_CHROMIUM_RESOLVED = findChromium(realDeps) ?? '';
}
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_RESOLVED || undefined;
// Requests sent during the tests go to a store of their own, never to data/.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'requests-e2e-'));

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two workers on a 2-core machine: the browser work is CPU-bound. Measured on the page sweep
  // (accessibility.spec.ts) on a shared, busy machine, in two runs each: 2 workers 279 and 316
  // worker-seconds, 3 workers 296 and 693; the wall time followed the machine's load more than
  // the worker count (3 faster in one pair, 2 in the other), so a third worker buys nothing sure.
  workers: 2,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
  },
  webServer: {
    command: 'node server/serve.mjs',
    url: `${baseURL}/`,
    // The tests send hundreds of requests from one address, so the rate limit is raised here and tested on a server of its own.
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: '', REQUEST_RATE_LIMIT: '1000000', CONFIRMATION_RATE_LIMIT: '1000000', FEEDBACK_RATE_LIMIT: '1000000' },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
