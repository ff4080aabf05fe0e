// The README's test command: every check, in the order that fails fastest.
// Prints where the time went (per step, per test file, the 15 slowest tests), then one
// closing line, "N passed, N failed", counted over the test runners.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { readJson, timingReport } from './test-timings.mjs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };
const sharedOverlapTool = '../shared/tools/seed-overlap.mjs';

// Each entry is one step; a step with `together` runs its checks at the same time (the two type
// checks read the same files and each waits on one core much of the time), its output kept apart.
const steps = [
  // tsc reads the types Astro generates (.astro/), which a fresh clone does not have yet, so they
  // are made before the two checks start side by side.
  { name: "Astro's generated types (astro sync)", cmd: 'astro', args: ['sync'] },
  {
    name: 'Type checks (astro check and tsc, together)',
    together: [
      { name: 'Type check (astro check)', cmd: 'astro', args: ['check'] },
      { name: 'Type check (tsc)', cmd: 'tsc', args: ['--noEmit'] },
    ],
  },
  // The screen reader tests read the built pages, so the build comes first.
  { name: 'Build', cmd: 'astro', args: ['build'] },
  { name: 'Unit, content, built-page and screen reader tests (vitest)', cmd: 'vitest', args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'] },
  { name: 'HTML validation (html-validate)', cmd: 'html-validate', args: ['dist/client'] },
  { name: 'Browser tests (Playwright)', cmd: 'playwright', args: ['test'] },
  ...(existsSync(sharedOverlapTool)
    ? [{ name: 'No wording copied from the seed documents', cmd: 'node', args: [sharedOverlapTool, 'src'] }]
    : []),
];

/** Runs one command; with `buffer`, its output is collected and printed when it ends. */
function run({ cmd, args }, buffer) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit', env });
    const chunks = [];
    if (buffer) {
      child.stdout.on('data', (c) => chunks.push(c));
      child.stderr.on('data', (c) => chunks.push(c));
    }
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${error.message}\n`));
      resolve({ ok: false, output: Buffer.concat(chunks).toString() });
    });
    child.on('close', (code) => resolve({ ok: code === 0, output: Buffer.concat(chunks).toString() }));
  });
}

rmSync('reports', { recursive: true, force: true });
const failures = [];
const timings = [];
/** The checks that are not test runners (type checks, build, validator): each counts as one test. */
const otherChecks = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  let ok;
  if (step.together) {
    const results = await Promise.all(step.together.map((check) => run(check, true)));
    ok = results.every((r) => r.ok);
    step.together.forEach((check, i) => {
      console.log(`--- ${check.name}: ${results[i].ok ? 'ok' : 'FAILED'} ---`);
      process.stdout.write(results[i].output);
      otherChecks.push({ name: check.name, ok: results[i].ok });
      if (!results[i].ok) failures.push(check.name);
    });
  } else {
    ok = (await run(step, false)).ok;
    if (!['vitest', 'playwright'].includes(step.cmd)) otherChecks.push({ name: step.name, ok });
    if (!ok) failures.push(step.name);
  }
  const seconds = (Date.now() - started) / 1000;
  timings.push({ name: step.name, seconds, ok });
  console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} (${seconds.toFixed(1)} s) ===`);
}

const playwrightReport = readJson('reports/playwright.json');
const vitestReport = readJson('reports/vitest.json');
console.log('');
console.log(timingReport({ steps: timings, playwright: playwrightReport, vitest: vitestReport, slowest: 15 }).join('\n'));

const vitest = { passed: vitestReport?.numPassedTests ?? 0, failed: vitestReport?.numFailedTests ?? 0 };
const playwright = { passed: playwrightReport?.stats?.expected ?? 0, failed: (playwrightReport?.stats?.unexpected ?? 0) + (playwrightReport?.stats?.flaky ?? 0) };
const otherFailed = otherChecks.filter((c) => !c.ok).length;

const passed = vitest.passed + playwright.passed + otherChecks.length - otherFailed;
const failed = vitest.failed + playwright.failed + otherFailed;
console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
