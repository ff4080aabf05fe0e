// Sends valid accessible-format requests as fast as the servers answer, from one process, and
// keeps what each answer said. Shared by the request benchmarks; not a test.
import { confirmedReference, postRequest, validBody } from '../tests/support/request-server.ts';

export interface LoadResult {
  seconds: number;
  /** Milliseconds from sending to the whole answer, one per answered request. */
  latencies: number[];
  /** References the servers confirmed (303 to the confirmation page). */
  confirmed: string[];
  /** Answers other than 303. */
  refused: number;
  /** Requests that got no answer at all (a server that has gone). */
  unanswered: number;
}

/**
 * `connections` senders, each sending to the servers in turn (as a round-robin load balancer
 * would), until `seconds` have passed. A sender whose server stops answering moves on to the next.
 */
export async function sendRequests(serverUrls: readonly string[], seconds: number, connections: number): Promise<LoadResult> {
  const body = validBody();
  const result: LoadResult = { seconds, latencies: [], confirmed: [], refused: 0, unanswered: 0 };
  const started = performance.now();
  const until = started + seconds * 1000;
  const sender = async (first: number) => {
    for (let turn = first; performance.now() < until; turn += 1) {
      const url = serverUrls[turn % serverUrls.length]!;
      const sent = performance.now();
      try {
        const response = await postRequest(url, body);
        await response.arrayBuffer();
        result.latencies.push(performance.now() - sent);
        const reference = confirmedReference(response, url);
        if (reference) result.confirmed.push(reference);
        else result.refused += 1;
      } catch {
        result.unanswered += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => sender(i)));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** One line of figures: requests/s, p50/p99 latency, and how many confirmed requests were lost. */
export function summary(result: LoadResult, stored: ReadonlySet<string>) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const lost = result.confirmed.filter((reference) => !stored.has(reference)).length;
  return {
    requestsPerSecond: Math.round(result.latencies.length / result.seconds),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    confirmed: result.confirmed.length,
    lost,
    refused: result.refused,
    unanswered: result.unanswered,
  };
}
