// Where the test suite's time goes, read from the runners' JSON reports.
// Used by scripts/test-all.mjs at the end of `npm test`; also runs on its own:
//   node scripts/test-timings.mjs [reports/playwright.json] [reports/vitest.json]
// Durations are each test's own run time, so the per-file totals are worker-seconds:
// with 2 workers the wall time is about half of the Playwright total.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const readJson = (file) => {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

/** Every test in a Playwright JSON report: { runner, file, title, ms } (all retries added up). */
export function playwrightTests(report) {
  const tests = [];
  const walk = (suite, file, titles) => {
    const here = suite.file ?? file;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const ms = (t.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0);
        tests.push({ runner: 'playwright', file: here, title: [...titles, spec.title].join(' > '), ms });
      }
    }
    for (const child of suite.suites ?? []) walk(child, here, [...titles, child.title]);
  };
  for (const suite of report?.suites ?? []) walk(suite, suite.file, []);
  return tests;
}

/** Every test in a vitest JSON report: { runner, file, title, ms }. */
export function vitestTests(report, root = process.cwd()) {
  const tests = [];
  for (const file of report?.testResults ?? []) {
    const name = relative(root, file.name ?? '');
    for (const a of file.assertionResults ?? []) {
      tests.push({ runner: 'vitest', file: name, title: a.fullName ?? a.title, ms: a.duration ?? 0 });
    }
  }
  return tests;
}

/** Worker-milliseconds per file, largest first. */
export function perFile(tests) {
  const totals = new Map();
  for (const t of tests) {
    const key = `${t.runner} ${t.file}`;
    const entry = totals.get(key) ?? { runner: t.runner, file: t.file, ms: 0, tests: 0 };
    entry.ms += t.ms;
    entry.tests += 1;
    totals.set(key, entry);
  }
  return [...totals.values()].sort((a, b) => b.ms - a.ms);
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const pad = (text, width) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

/**
 * The report as lines: the total per step (when given), per test file, and the slowest tests.
 * @param {{ steps?: { name: string, seconds: number, ok: boolean }[], playwright?: object, vitest?: object, slowest?: number }} input
 */
export function timingReport({ steps = [], playwright, vitest, slowest = 15 }) {
  const lines = [];
  if (steps.length) {
    lines.push('Time per step (wall clock):');
    for (const step of steps) lines.push(`  ${pad(s(step.seconds * 1000), 9)} ${step.name}${step.ok ? '' : ' (FAILED)'}`);
    lines.push(`  ${pad(s(steps.reduce((sum, st) => sum + st.seconds, 0) * 1000), 9)} in all`);
  }
  const tests = [...playwrightTests(playwright), ...vitestTests(vitest)];
  if (tests.length) {
    if (playwright?.stats?.duration) {
      const pwTotal = playwrightTests(playwright).reduce((sum, t) => sum + t.ms, 0);
      lines.push(`Playwright: ${s(playwright.stats.duration)} wall, ${s(pwTotal)} worker time in tests`);
    }
    lines.push('Worker time per test file (largest first):');
    for (const f of perFile(tests)) lines.push(`  ${pad(s(f.ms), 9)} ${pad(f.runner, 10)} ${f.file} (${f.tests} tests)`);
    lines.push(`The ${Math.min(slowest, tests.length)} slowest tests:`);
    for (const t of [...tests].sort((a, b) => b.ms - a.ms).slice(0, slowest)) lines.push(`  ${pad(s(t.ms), 9)} ${pad(t.runner, 10)} ${t.file}: ${t.title}`);
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [pwFile = 'reports/playwright.json', vtFile = 'reports/vitest.json'] = process.argv.slice(2);
  console.log(timingReport({ playwright: readJson(pwFile), vitest: readJson(vtFile) }).join('\n'));
}

export { readJson };
