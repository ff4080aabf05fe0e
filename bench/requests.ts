// Prints requests/s and latency for valid accessible-format requests sent to one server on
// SQLite, and checks that every confirmed request was stored. Not a test.
// Usage: npm run build && node bench/requests.ts [seconds] [connections]
// For several servers on PostgreSQL against this, see bench/scale-out.ts.
import { join } from 'node:path';
import { startServer } from '../tests/support/request-server.ts';
import { storedReferences } from '../tests/support/sqlite.ts';
import { percentile, sendRequests, summary } from './load.ts';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 32);
const server = await startServer({ REQUEST_RATE_LIMIT: '100000000' });

// A short warm-up so the first figures are not the JIT's.
await sendRequests([server.url], 1, 4);
const stored = () => new Set(storedReferences(join(server.dataDir, 'requests.sqlite')));
const result = await sendRequests([server.url], seconds, connections);
await server.stop();

const sorted = [...result.latencies].sort((a, b) => a - b);
const figures = summary(result, stored());
const at = (p: number) => percentile(sorted, p).toFixed(1);
console.log(`${connections} connections for ${seconds} s on ${server.url}`);
console.log(`requests/s: ${figures.requestsPerSecond}`);
console.log(`latency ms: p50 ${at(50)}, p90 ${at(90)}, p99 ${at(99)}, max ${sorted.at(-1)!.toFixed(1)}`);
console.log(
  `confirmed: ${figures.confirmed}, stored (of those): ${figures.confirmed - figures.lost}, lost: ${figures.lost}, non-303 answers: ${figures.refused}`,
);
