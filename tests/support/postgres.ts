/**
 * A real, throwaway PostgreSQL server for the tests and benchmarks, from Debian's
 * `postgresql` package: initdb into a temporary folder, then `postgres` on a free loopback
 * port, run as the `postgres` user when we are root (PostgreSQL refuses to run as root).
 * Stopped and deleted by `stop()`.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { freePort } from './free-port.ts';

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:PORT/DATABASE */
  url(database?: string): string;
  /** Makes an empty database and resolves with its URL. */
  createDatabase(prefix?: string): Promise<string>;
  /** The server process, for tests that need its pid. */
  readonly process: ChildProcess;
  /** Shuts the server down, keeping its data, as a database restart or outage would. */
  pause(): Promise<void>;
  /** Starts it again on the same data and port after pause(). */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** The folder holding initdb and postgres: on PATH, or where Debian puts them. */
export function findPostgresBin(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  const candidates = [
    ...(process.env['POSTGRES_BIN'] ? [process.env['POSTGRES_BIN']] : []),
    ...(onPath ? [join(onPath, '..')] : []),
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => join('/usr/lib/postgresql', version, 'bin'))
      : []),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
}

/** The uid and gid to run as: our own, or the postgres user's when we are root. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('Running as root, PostgreSQL needs a "postgres" user to run as: install Debian\'s postgresql package.');
  }
}

export interface StartOptions {
  /**
   * false (the default for tests) skips flushing to disk: faster, and safe for data thrown away
   * at the end. Benchmarks pass true so the figures include real commits.
   */
  durable?: boolean;
}

export async function startPostgres(options: StartOptions = {}): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql (or set POSTGRES_BIN).');
  const user = runAs();
  // As root, under /tmp: TMPDIR may be inside /root, where the postgres user cannot reach.
  const root = mkdtempSync(join(user ? '/tmp' : tmpdir(), 'postgres-test-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  if (user) {
    chownSync(root, user.uid, user.gid);
    chownSync(dataDir, user.uid, user.gid);
  }
  chmodSync(root, 0o755);
  // cwd too: the postgres user may not be allowed into the folder the tests run from.
  const ids = { cwd: root, ...(user ? { uid: user.uid, gid: user.gid } : {}) };

  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { encoding: 'utf8', ...ids },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.error?.message}`);

  const port = await freePort();
  const durability = options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = postgres(url(), { max: 2, onnotice: () => {}, connect_timeout: 2 });
  let child: ChildProcess;
  let log = '';

  /** Starts the server on the data folder and port, and waits until it answers. */
  const launch = async () => {
    child = spawn(
      join(bin, 'postgres'),
      ['-D', dataDir, '-p', String(port), '-k', root, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...durability],
      { stdio: ['ignore', 'ignore', 'pipe'], ...ids },
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    for (let attempt = 0; attempt < 100 && child.exitCode === null; attempt += 1) {
      try {
        await admin`SELECT 1`;
        return true;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return false;
  };
  const halt = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // SIGINT is PostgreSQL's "fast shutdown": it ends sessions and stops at once.
      child.kill('SIGINT');
      await exited;
    }
  };
  const stop = async () => {
    await admin.end({ timeout: 1 }).catch(() => {});
    await halt();
    rmSync(root, { recursive: true, force: true });
  };
  if (!(await launch())) {
    await stop();
    throw new Error(`PostgreSQL did not start:\n${log}`);
  }

  let made = 0;
  return {
    url,
    get process() {
      return child;
    },
    async pause() {
      await halt();
    },
    async resume() {
      if (!(await launch())) throw new Error(`PostgreSQL did not start again:\n${log}`);
    },
    async createDatabase(prefix = 'test') {
      made += 1;
      const name = `${prefix}_${process.pid}_${made}_${Math.random().toString(36).slice(2, 8)}`.replace(/[^a-z0-9_]/g, '_');
      await admin.unsafe(`CREATE DATABASE ${name}`);
      return url(name);
    },
    stop,
  };
}

/** Every reference in a PostgreSQL request database, read through a connection of its own. */
export async function postgresReferences(url: string): Promise<Set<string>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return new Set((await sql`SELECT reference FROM format_requests`).map((row) => String(row['reference'])));
  } finally {
    await sql.end();
  }
}
