/**
 * Staff tools for the accessible-format request store: npm run requests -- <command>.
 *
 * Uses the same database as the server (src/lib/runtime.ts, so DATABASE_URL and DATA_DIR apply). Both
 * databases let this run while the server is taking requests.
 *
 * Exit codes: 0 done, 1 something went wrong, 2 the command line was wrong.
 */
import { printable, readOptions, runCommandLine, startedAsCommand, UsageError, type CommandResult as Result } from './cli.ts';
import { londonDate } from '../src/lib/dates/index.ts';
import { closeDatabase, databaseDescription, requestStore } from '../src/lib/runtime.ts';
import { formatLabels } from '../src/lib/requests/schema.ts';
import { requestStatuses } from '../src/lib/requests/store.ts';
import type { RequestRecord, RequestStatus, RequestStore } from '../src/lib/requests/store.ts';
import { requestsCsv } from '../src/lib/staff/csv.ts';
import { latestVersion, sqliteMigrations } from '../src/lib/storage/index.ts';

const usage = `Staff tools for accessible format requests.

Usage: npm run requests -- <command> [options]

Commands:
  list [--status <status>]     Show requests, oldest first.
                               <status> is one of: ${requestStatuses.join(', ')}.
  export --format csv|json     Write every field of every request to stdout.
  purge --older-than <N>d      Delete requests received more than N days ago.
  migrate                      Bring the database's tables up to date. Servers also do
                               this themselves; run it once before starting several.
  help                         Show this message.

Requests are kept in PostgreSQL when DATABASE_URL is set, and otherwise in
$DATA_DIR/requests.sqlite (DATA_DIR is "data" when not set).
Exports hold personal data: keep them somewhere safe and delete them when you are done.
`;

function isStatus(value: string): value is RequestStatus {
  return requestStatuses.some((status) => status === value);
}

function statusOption(value: string | undefined): RequestStatus | undefined {
  if (value === undefined) return undefined;
  if (!isStatus(value)) throw new UsageError(`--status must be one of ${requestStatuses.join(', ')}; got "${value}"`);
  return value;
}

// ----- list -----

function formatName(record: RequestRecord): string {
  const { format, formatOther } = record.request;
  return format === 'other' && formatOther ? `Other: ${formatOther}` : formatLabels[format];
}

const listHeadings = ['Reference', 'Received', 'Reply by', 'Status', 'Format', 'Document'] as const;

function listRow(record: RequestRecord): string[] {
  return [
    record.reference,
    // The London day, the one the reply-by date was counted from.
    londonDate(new Date(record.createdAt)),
    record.replyByDate,
    record.status,
    formatName(record),
    record.request.documentTitle,
  ].map(printable);
}

/** Columns padded to their widest cell; the last is left ragged so long titles are not cut. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  return lines.map((line) => `${line}\n`).join('');
}

function list(args: string[]): Action {
  const status = statusOption(readOptions(args, ['status'])['status']);
  return async (store) => {
    const records = await store.list(status === undefined ? {} : { status });
    if (records.length === 0) return status === undefined ? 'No requests.\n' : `No requests with status ${status}.\n`;
    return table([[...listHeadings], ...records.map(listRow)]);
  };
}

// ----- export -----

function exportAll(args: string[]): Action {
  const format = readOptions(args, ['format'])['format'];
  if (format !== 'csv' && format !== 'json') {
    throw new UsageError(
      format === undefined ? 'Say which format: --format csv or --format json' : `--format must be csv or json; got "${format}"`,
    );
  }
  return async (store) => {
    const records = await store.list();
    return format === 'csv' ? requestsCsv(records) : `${JSON.stringify(records, null, 2)}\n`;
  };
}

// ----- purge -----

/** Whole days only, written like 365d, so "365" (days? hours?) cannot be misread. */
function daysOption(value: string | undefined): number {
  const match = value === undefined ? null : /^(\d+)d$/.exec(value);
  const days = match ? Number(match[1]) : Number.NaN;
  // 0d would delete every request, including ones not answered yet: almost certainly a slip.
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new UsageError(`--older-than needs a whole number of days of 1 or more, like 365d; got "${value ?? ''}"`);
  }
  return days;
}

function purge(args: string[]): Action {
  const days = daysOption(readOptions(args, ['older-than'])['older-than']);
  return async (store) => {
    const deleted = await store.purgeOlderThan(days);
    return `Deleted ${deleted} ${deleted === 1 ? 'request' : 'requests'} received more than ${days} days ago.\n`;
  };
}

// ----- migrate -----

function migrate(args: string[]): Action {
  if (args.length > 0) throw new UsageError('"migrate" takes no options.');
  return async (store) => {
    await store.ready();
    return `The request database is up to date (schema version ${latestVersion(sqliteMigrations)}).\n`;
  };
}

// ----- main -----

/** What a command does to the store, made only once its options have been checked. */
type Action = (store: RequestStore) => Promise<string>;
/** Checks the options, throwing UsageError, before anything is opened. */
type Command = (args: string[]) => Action;

const commands: ReadonlyMap<string, Command> = new Map([
  ['list', list],
  ['export', exportAll],
  ['purge', purge],
  ['migrate', migrate],
]);

function isHelp(name: string): boolean {
  return name === 'help' || name === '--help' || name === '-h';
}

function usageError(message: string): Result {
  return { stdout: '', stderr: `${message}\nRun "npm run requests -- help" to see the commands and their options.\n`, code: 2 };
}

/** Parses the options before the store is opened, so "help" and typos never create a database file. */
function actionFor(name: string, args: string[]): Action {
  const command = commands.get(name);
  if (!command) throw new UsageError(`Unknown command "${name}".`);
  return command(args);
}

async function perform(name: string, action: Action): Promise<Result> {
  try {
    return { stdout: await action(requestStore()), stderr: '', code: 0 };
  } catch (error) {
    // Store errors name references and columns, never personal data, so they are safe to show.
    const reason = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `Could not ${name} the requests in ${databaseDescription()}: ${reason}\n`, code: 1 };
  } finally {
    await closeDatabase();
  }
}

/** Runs one command and returns its output and exit code rather than exiting. */
export async function run(argv: string[]): Promise<Result> {
  const [name, ...args] = argv;
  if (name === undefined || isHelp(name)) return { stdout: usage, stderr: '', code: 0 };
  let action: Action;
  try {
    action = actionFor(name, args);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  return perform(name, action);
}

// Run as a command (npm run ...); imported, as the tests do, it only exports run.
if (startedAsCommand(import.meta)) await runCommandLine(run);
