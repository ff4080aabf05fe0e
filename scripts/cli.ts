// What the data commands (scripts/requests.ts, scripts/feedback.ts) share: reading --options,
// telling a usage mistake apart from a failure, printing stored text safely, and writing a
// command's result.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

/** A mistake in the command line: reported with exit code 2 so scripts can tell it apart. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Options = Record<string, string | undefined>;

/** Only the named --options, each taking a value; anything else is a usage error. */
export function readOptions(args: string[], names: readonly string[]): Options {
  try {
    const { values } = parseArgs({
      args,
      options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
      allowPositionals: false,
      strict: true,
    });
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Stored text goes to a terminal: control characters could move the cursor or recolour it. */
export function printable(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** What one command printed and its exit code, returned rather than written so tests can call it. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs the command line through `run` and writes its result. */
export async function runCommandLine(run: (argv: string[]) => Promise<CommandResult>): Promise<void> {
  // Piping into `head` closes stdout early; that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const result = await run(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  // exitCode rather than exit(), so buffered output is flushed before the process ends.
  process.exitCode = result.code;
}

/**
 * True when this module is the command Node was started with (npm run ...), false when a test
 * imports it. import.meta.main says so on Node 24; on an older Node the started file is compared.
 */
export function startedAsCommand(meta: ImportMeta): boolean {
  return meta.main ?? process.argv[1] === fileURLToPath(meta.url);
}
