import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium, realDeps } from './tests/support/find-browser.ts';

const port = Number(process.env.TEST_PORT ?? 4410);
export const baseURL = `http://127.0.0.1:${port}`;

// Found once in the main process; workers inherit the result through the environment.
if (process.env.PLAYWRIGHT_CHROMIUM_RESOLVED === undefined) {
  process.env.PLAYWRIGHT_CHROMIUM_RESOLVED = findChromium(realDeps) ?? '';
}
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_RESOLVED || undefined;

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two workers keep the suite within budget on a 2-core machine; the browser work is mostly waiting.
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
    env: { PORT: String(port), HOST: '127.0.0.1' },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
