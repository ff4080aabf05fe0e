/**
 * Staff accounts for the request queue at /staff/: npm run staff -- <command> NAME.
 *
 * Works on the same database as the server (src/lib/runtime.ts, so DATABASE_URL and DATA_DIR apply),
 * and can run while the server is up. Passwords come from STAFF_PASSWORD, or a
 * strong one is made and printed once; they are never written anywhere else.
 *
 * Exit codes: 0 done, 1 something went wrong (no such account, already exists), 2 the
 * command line or the password was wrong.
 */
import { londonDate } from '../src/lib/dates/index.ts';
import { closeDatabase, databaseDescription, staffAuth } from '../src/lib/runtime.ts';
import { StaffAccountError, normaliseUsername, usernameProblem, type StaffAuth } from '../src/lib/staff/auth.ts';
import { generatePassword, minPasswordLength, passwordProblem } from '../src/lib/staff/password.ts';
import { startedAsCommand } from './cli.ts';

const usage = `Staff accounts for the accessible-format request queue (/staff/).

Usage: npm run staff -- <command> [NAME]

Commands:
  add NAME       Make an account.
  reset NAME     Set a new password. Also unlocks the account, enables it again if it
                 was disabled, and signs it out everywhere.
  unlock NAME    Let the account sign in again at once, from anywhere: ends its lock
                 and every wait after wrong passwords. The password stays the same.
  disable NAME   Stop the account signing in, and sign it out everywhere.
  list           Show every account and whether it is disabled or locked.
  help           Show this message.

NAME is 2 to 64 lower-case letters, digits, dots, hyphens or underscores.

For add and reset the password is read from the STAFF_PASSWORD environment variable
(${minPasswordLength} characters or more). Without it, a strong password is made and printed
once: give it to the person by a safe route, never by email with the username.

Accounts are kept with the requests: in PostgreSQL when DATABASE_URL is set, and
otherwise in $DATA_DIR/requests.sqlite (DATA_DIR is "data" when not set).
`;

/** A mistake in the command line or the password: exit code 2, nothing opened or written. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

/** What a command does, made only once its arguments have been checked. */
type Action = (auth: StaffAuth) => Promise<string>;

function oneName(command: string, args: string[]): string {
  if (args.length !== 1 || args[0] === undefined || args[0].startsWith('-')) {
    throw new UsageError(`"${command}" needs one NAME, like: npm run staff -- ${command} sam.jones`);
  }
  const name = normaliseUsername(args[0]);
  const problem = usernameProblem(name);
  if (problem) throw new UsageError(problem);
  return name;
}

/** STAFF_PASSWORD when set (checked), otherwise a new random one to print. */
function choosePassword(env: NodeJS.ProcessEnv): { password: string; generated: boolean } {
  const given = env['STAFF_PASSWORD'];
  if (given === undefined || given === '') return { password: generatePassword(), generated: true };
  const problem = passwordProblem(given);
  if (problem) throw new UsageError(`STAFF_PASSWORD cannot be used: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}.`);
  return { password: given, generated: false };
}

function passwordLine(name: string, chosen: { password: string; generated: boolean }): string {
  return chosen.generated
    ? `Password for ${name} (shown once, not stored anywhere): ${chosen.password}\n`
    : `The password is the one in STAFF_PASSWORD.\n`;
}

function actionFor(command: string, args: string[], env: NodeJS.ProcessEnv): Action {
  switch (command) {
    case 'add': {
      const name = oneName(command, args);
      const chosen = choosePassword(env);
      return async (auth) => {
        await auth.addAccount(name, chosen.password);
        return `Added the account ${name}.\n${passwordLine(name, chosen)}`;
      };
    }
    case 'reset': {
      const name = oneName(command, args);
      const chosen = choosePassword(env);
      return async (auth) => {
        await auth.resetAccount(name, chosen.password);
        return `Reset the account ${name}: new password, unlocked, enabled and signed out everywhere.\n${passwordLine(name, chosen)}`;
      };
    }
    case 'unlock': {
      const name = oneName(command, args);
      return async (auth) => {
        await auth.unlockAccount(name);
        return `Unlocked the account ${name}: it can sign in again at once, with the same password.\n`;
      };
    }
    case 'disable': {
      const name = oneName(command, args);
      return async (auth) => {
        await auth.disableAccount(name);
        return `Disabled the account ${name} and signed it out everywhere.\n`;
      };
    }
    case 'list': {
      if (args.length > 0) throw new UsageError('"list" takes no NAME or options.');
      return async (auth) => {
        const accounts = await auth.listAccounts();
        if (accounts.length === 0) return 'No staff accounts.\n';
        return accounts
          .map((a) => `${a.username}  ${a.disabled ? 'disabled' : a.locked ? 'locked' : 'active'}  added ${londonDate(new Date(a.createdAt))}\n`)
          .join('');
      };
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function perform(command: string, action: Action): Promise<Result> {
  try {
    const auth = staffAuth();
    return { stdout: await action(auth), stderr: '', code: 0 };
  } catch (error) {
    if (error instanceof StaffAccountError) {
      return { stdout: '', stderr: `Could not ${command} the account: ${error.message}.\n`, code: error.problem === 'weak-password' || error.problem === 'bad-username' ? 2 : 1 };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `Could not ${command} the account in ${databaseDescription()}: ${reason}\n`, code: 1 };
  } finally {
    await closeDatabase();
  }
}

/** Runs one command and returns its output and exit code rather than exiting (tests call it in-process). */
export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<Result> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { stdout: usage, stderr: '', code: 0 };
  }
  let action: Action;
  try {
    // Checked before the store is opened, so a typo never creates a database file.
    action = actionFor(command, args, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { stdout: '', stderr: `${error.message}\nRun "npm run staff -- help" to see the commands.\n`, code: 2 };
  }
  return perform(command, action);
}

if (startedAsCommand(import.meta)) {
  const result = await run(process.argv.slice(2), process.env);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  // exitCode rather than exit(), so buffered output is flushed before the process ends.
  process.exitCode = result.code;
}
