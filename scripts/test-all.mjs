// The README's test command: every check, in the order that fails fastest.
// Prints one closing line, "N passed, N failed", counted over the test runners.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };
const sharedOverlapTool = '../shared/tools/seed-overlap.mjs';

const steps = [
  { name: 'Type check (astro check)', cmd: 'astro', args: ['check'] },
  { name: 'Type check (tsc)', cmd: 'tsc', args: ['--noEmit'] },
  // The screen reader tests read the built pages, so the build comes first.
  { name: 'Build', cmd: 'astro', args: ['build'] },
  { name: 'Unit, content and screen reader tests (vitest)', cmd: 'vitest', args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'] },
  { name: 'HTML validation (html-validate)', cmd: 'html-validate', args: ['dist/client'] },
  { name: 'Browser tests (Playwright)', cmd: 'playwright', args: ['test'] },
  ...(existsSync(sharedOverlapTool)
    ? [{ name: 'No wording copied from the seed documents', cmd: 'node', args: [sharedOverlapTool, 'src'] }]
    : []),
];

rmSync('reports', { recursive: true, force: true });
const failures = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const result = spawnSync(step.cmd, step.args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error) console.error(result.error.message);
  const ok = result.status === 0;
  console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s) ===`);
  if (!ok) failures.push(step.name);
}

function count(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 0 };
  }
}
const vitest = count('reports/vitest.json', (r) => ({ passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0 }));
const playwright = count('reports/playwright.json', (r) => ({ passed: r.stats?.expected ?? 0, failed: (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0) }));
// A check that is not a test runner (type check, build, validator) counts as one test.
const otherSteps = steps.filter((s) => !['vitest', 'playwright'].includes(s.cmd));
const otherFailed = otherSteps.filter((s) => failures.includes(s.name)).length;

const passed = vitest.passed + playwright.passed + otherSteps.length - otherFailed;
const failed = vitest.failed + playwright.failed + otherFailed;
console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
