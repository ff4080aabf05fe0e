// Prints requests/s and latency for valid accessible-format requests, and
// checks that every confirmed request was stored. Not a test.
// Usage: npm run build && node bench/requests.ts [seconds] [connections]
import { join } from 'node:path';
import { startServer, validBody } from '../tests/support/request-server.ts';
import { storedReferences } from '../tests/support/sqlite.ts';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 32);
const server = await startServer({ REQUEST_RATE_LIMIT: '100000000' });
const endpoint = `${server.url}/accessible-formats/request/submit/`;
const body = validBody();
const latencies: number[] = [];
const confirmed: string[] = [];
let failed = 0;

async function worker(until: number): Promise<void> {
  while (performance.now() < until) {
    const started = performance.now();
    const response = await fetch(endpoint, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      redirect: 'manual',
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status === 303) confirmed.push(new URL(response.headers.get('location')!, server.url).searchParams.get('ref')!);
    else failed++;
  }
}

// A short warm-up so the first figures are not the JIT's.
await Promise.all(Array.from({ length: 4 }, () => worker(performance.now() + 1000)));
latencies.length = 0;
confirmed.length = 0;
failed = 0;

const started = performance.now();
await Promise.all(Array.from({ length: connections }, () => worker(started + seconds * 1000)));
const elapsed = (performance.now() - started) / 1000;
await server.stop();

latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
const stored = new Set(storedReferences(join(server.dataDir, 'requests.sqlite')));
const lost = confirmed.filter((ref) => !stored.has(ref)).length;

console.log(`${connections} connections for ${seconds} s on ${server.url}`);
console.log(`requests/s: ${(latencies.length / elapsed).toFixed(0)}`);
console.log(`latency ms: p50 ${percentile(50)}, p90 ${percentile(90)}, p99 ${percentile(99)}, max ${latencies.at(-1)!.toFixed(1)}`);
console.log(`confirmed: ${confirmed.length}, stored (of those): ${confirmed.length - lost}, lost: ${lost}, non-303 answers: ${failed}`);
