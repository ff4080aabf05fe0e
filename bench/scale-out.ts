// Prints requests/s, p50 and p99 for accessible-format requests sent to
//   1 server on SQLite, 1 server on PostgreSQL, and 2 servers sharing one PostgreSQL
// (senders take turns between the servers, as a round-robin load balancer would), then kills
// one of two PostgreSQL servers with SIGKILL half-way through a run and prints how many
// confirmed requests were lost (it must be 0). PostgreSQL here flushes every commit to disk,
// as SQLite does with synchronous=FULL, so the figures compare like with like. Not a test.
//
// Usage: npm run build && node bench/scale-out.ts [seconds] [connections]
// Needs PostgreSQL installed (apt-get install postgresql). Everything runs on this machine, so
// the servers, the database and the load generator share its cores.
import { join } from 'node:path';
import { cpus } from 'node:os';
import { postgresReferences, startPostgres } from '../tests/support/postgres.ts';
import { startServer, type RunningServer } from '../tests/support/request-server.ts';
import { storedReferences as sqliteReferences } from '../tests/support/sqlite.ts';
import { sendRequests, summary } from './load.ts';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 32);
const server = (env: Record<string, string> = {}) => startServer({ REQUEST_RATE_LIMIT: '100000000', ...env });

const database = await startPostgres({ durable: true });

interface Setup {
  name: string;
  servers: RunningServer[];
  stored: () => Promise<Set<string>>;
}

async function sqliteSetup(): Promise<Setup> {
  const one = await server();
  return { name: '1 server, SQLite', servers: [one], stored: async () => new Set(sqliteReferences(join(one.dataDir, 'requests.sqlite'))) };
}

async function postgresSetup(count: number): Promise<Setup> {
  const url = await database.createDatabase('bench');
  const servers = await Promise.all(Array.from({ length: count }, () => server({ DATABASE_URL: url })));
  return { name: `${count} server${count === 1 ? '' : 's'}, PostgreSQL`, servers, stored: () => postgresReferences(url) };
}

const rows: string[][] = [];
const row = (name: string, figures: ReturnType<typeof summary>) =>
  rows.push([
    name,
    String(figures.requestsPerSecond),
    figures.p50.toFixed(1),
    figures.p99.toFixed(1),
    String(figures.confirmed),
    String(figures.lost),
    String(figures.refused + figures.unanswered),
  ]);

try {
  for (const make of [sqliteSetup, () => postgresSetup(1), () => postgresSetup(2)]) {
    const setup = await make();
    const urls = setup.servers.map((s) => s.url);
    await sendRequests(urls, 1, 4); // warm-up, so the figures are not the JIT's
    const result = await sendRequests(urls, seconds, connections);
    row(setup.name, summary(result, await setup.stored()));
    await Promise.all(setup.servers.map((s) => s.stop()));
  }

  // Kill one of two servers half-way through; the other keeps taking requests.
  const killed = await postgresSetup(2);
  const running = sendRequests(killed.servers.map((s) => s.url), seconds, connections);
  await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
  killed.servers[1]!.process.kill('SIGKILL');
  const result = await running;
  row('2 servers, PostgreSQL, one killed half-way', summary(result, await killed.stored()));
  await Promise.all(killed.servers.map((s) => s.stop()));
} finally {
  await database.stop();
}

const headings = ['set-up', 'requests/s', 'p50 ms', 'p99 ms', 'confirmed', 'lost', 'refused or unanswered'];
const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`${connections} connections for ${seconds} s per set-up, on ${cpus().length} cores shared by the servers, PostgreSQL and the senders`);
console.log(line(headings));
for (const r of rows) console.log(line(r));
