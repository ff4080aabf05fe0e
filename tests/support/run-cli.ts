/**
 * The data commands (scripts/staff.ts, scripts/requests.ts, scripts/feedback.ts) run in the test's
 * own process: each exports the `run` that its command line calls, which returns what it would
 * print and its exit code. A spawned Node costs about a second a command on a busy machine; this
 * costs milliseconds. Each CLI test file also runs its command once as a real process
 * (`spawnCli`), so the command line itself (arguments, output, exit code) stays tested.
 */
import { spawnSync } from 'node:child_process';

export type Cli = 'staff' | 'requests' | 'feedback';
export interface CliResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

const modules = {
  staff: () => import('../../scripts/staff.ts'),
  requests: () => import('../../scripts/requests.ts'),
  feedback: () => import('../../scripts/feedback.ts'),
} as const;

/**
 * Runs `npm run <cli> -- ...args` in-process with exactly `env` as its environment (on top of
 * the test's own, less `remove`), as a spawned command would see it; the environment is put back after.
 */
export async function runCli(cli: Cli, args: string[], env: Record<string, string>, remove: readonly string[] = []): Promise<CliResult> {
  const saved = { ...process.env };
  for (const name of remove) delete process.env[name];
  Object.assign(process.env, env);
  try {
    const { run } = await modules[cli]();
    const result = await run(args);
    return { stdout: result.stdout, stderr: result.stderr, status: result.code };
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

/** The same command as a real process, as `npm run` starts it. */
export function spawnCli(cli: Cli, args: string[], env: Record<string, string>, remove: readonly string[] = []): CliResult {
  const inherited = { ...process.env };
  for (const name of remove) delete inherited[name];
  const result = spawnSync('node_modules/.bin/node', [`scripts/${cli}.ts`, ...args], { env: { ...inherited, ...env }, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}
