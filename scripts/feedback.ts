/**
 * Staff tools for "Is this page useful?" feedback: npm run feedback -- <command>.
 *
 * Uses the same database as the server (src/lib/runtime.ts, so DATABASE_URL and DATA_DIR
 * apply), and can run while the server is taking feedback. Modelled on scripts/requests.ts.
 *
 * Exit codes: 0 done, 1 something went wrong, 2 the command line was wrong.
 */
import { printable, readOptions, runCommandLine, startedAsCommand, UsageError, type CommandResult as Result } from './cli.ts';
import { closeDatabase, databaseDescription, feedbackStore } from '../src/lib/runtime.ts';
import { defaultRetentionDays, type FeedbackStore } from '../src/lib/feedback/store.ts';
import { feedbackCsv } from '../src/lib/staff/feedback-csv.ts';

const usage = `Staff tools for page feedback ("Is this page useful?").

Usage: npm run feedback -- <command> [options]

Commands:
  list                         Pages by "No" answers, then problem reports, newest first.
  export --format csv|json     Write every answer and report to stdout, oldest first.
  purge --older-than <DAYS>    Delete feedback sent more than DAYS days ago (like 90 or 90d).
                               The server deletes feedback older than ${defaultRetentionDays} days by itself.
  help                         Show this message.

Feedback is kept in PostgreSQL when DATABASE_URL is set, and otherwise in
$DATA_DIR/requests.sqlite (DATA_DIR is "data" when not set).
`;

type Action = (store: FeedbackStore) => Promise<string>;

function list(args: string[]): Action {
  readOptions(args, []);
  return async (store) => {
    const [tallies, reports] = await Promise.all([store.tallies(), store.problems()]);
    if (tallies.length === 0) return 'No feedback.\n';
    const width = Math.max(4, ...tallies.map((t) => t.page.length));
    const lines = [`${'Page'.padEnd(width)}  No  Yes  Problems`];
    for (const t of tallies) lines.push(`${printable(t.page).padEnd(width)}  ${String(t.no).padStart(2)}  ${String(t.yes).padStart(3)}  ${String(t.problems).padStart(8)}`);
    lines.push('', reports.length === 0 ? 'No problems reported.' : 'Problem reports, newest first:');
    for (const r of reports) lines.push(`${r.createdAt}  ${printable(r.page)}  ${printable(r.problem ?? '')}`);
    return `${lines.join('\n')}\n`;
  };
}

function exportAll(args: string[]): Action {
  const format = readOptions(args, ['format'])['format'];
  if (format !== 'csv' && format !== 'json') {
    throw new UsageError(format === undefined ? 'Say which format: --format csv or --format json' : `--format must be csv or json; got "${format}"`);
  }
  return async (store) => {
    const records = await store.list();
    return format === 'csv' ? feedbackCsv(records) : `${JSON.stringify(records, null, 2)}\n`;
  };
}

function purge(args: string[]): Action {
  const value = readOptions(args, ['older-than'])['older-than'];
  const match = value === undefined ? null : /^(\d+)d?$/.exec(value);
  const days = match ? Number(match[1]) : Number.NaN;
  // 0 would delete everything, including today's: almost certainly a slip.
  if (!Number.isSafeInteger(days) || days < 1) throw new UsageError(`--older-than needs a whole number of days of 1 or more, like 365; got "${value ?? ''}"`);
  return async (store) => {
    const deleted = await store.purgeOlderThan(days);
    return `Deleted ${deleted} ${deleted === 1 ? 'piece' : 'pieces'} of feedback sent more than ${days} days ago.\n`;
  };
}

const commands: ReadonlyMap<string, (args: string[]) => Action> = new Map([
  ['list', list],
  ['export', exportAll],
  ['purge', purge],
]);

export async function run(argv: string[]): Promise<Result> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { stdout: usage, stderr: '', code: 0 };
  let action: Action;
  try {
    const command = commands.get(name);
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    action = command(args);
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `${error.message}\nRun "npm run feedback -- help" to see the commands and their options.\n`, code: 2 };
    throw error;
  }
  try {
    return { stdout: await action(feedbackStore()), stderr: '', code: 0 };
  } catch (error) {
    return { stdout: '', stderr: `Could not ${name} the feedback in ${databaseDescription()}: ${error instanceof Error ? error.message : String(error)}\n`, code: 1 };
  } finally {
    await closeDatabase();
  }
}

// Run as a command (npm run ...); imported, as the tests do, it only exports run.
if (startedAsCommand(import.meta)) await runCommandLine(run);
