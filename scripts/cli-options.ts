// What the data commands (scripts/requests.ts, scripts/feedback.ts) share: reading --options,
// telling a usage mistake apart from a failure, and printing stored text safely.
import { parseArgs } from 'node:util';

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
