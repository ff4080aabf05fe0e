/**
 * Issue 23, mediums 2 and 3, against the built server (run `npm run build` first), loopback
 * only, with every loop bounded in count and time:
 * - 300 idle sockets from one address against SERVER_MAX_CONNECTIONS=250 leave room for
 *   everyone else, and idle, slow-header and slow-body sockets are closed after the
 *   configured times (set small here so the test is quick), not up to 30 s later;
 * - one socket pipelining 1,200 GETs of the largest static file and reading nothing does not
 *   grow the server's memory by more than a few tens of MB, and is closed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../support/request-server.ts';

const built = existsSync('dist/server/entry.mjs');
let server: RunningServer | undefined;
const sockets: net.Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.stop();
  server = undefined;
});

const portOf = (url: string) => Number(new URL(url).port);

/** A connection from `localAddress` (any 127.x.y.z is this machine), resolved once open or failed. */
function connect(port: number, localAddress = '127.0.0.1'): Promise<{ socket: net.Socket; closed: Promise<void> }> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1', localAddress });
    sockets.push(socket);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => {});
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('close', () => resolve({ socket, closed }));
  });
}

/** A normal GET from another address; resolves with its status, or 0 when it got no answer. */
function normalRequest(port: number, localAddress: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/health/', localAddress, agent: false, timeout: 5000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

/** Resolves true when `closed` settles within `ms`, false otherwise. */
const closesWithin = (closed: Promise<void>, ms: number) =>
  Promise.race([closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return Number(line?.[1] ?? 0) * 1024;
}

function largestStaticFile(): string {
  let best = { path: '', size: 0 };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.size > best.size && !name.endsWith('.bin')) best = { path, size: stat.size };
    }
  };
  walk('dist/client');
  return `/${best.path.slice('dist/client/'.length)}`;
}

describe.skipIf(!built || process.platform !== 'linux')('connections the server holds', () => {
  it('300 idle sockets from one address against a cap of 250: normal requests from other addresses are still served', async () => {
    server = await startServer({ SERVER_MAX_CONNECTIONS: '250', SERVER_HEADERS_TIMEOUT_SECONDS: '2', SERVER_REQUEST_TIMEOUT_SECONDS: '3' });
    const port = portOf(server.url);
    const idle = await Promise.all(Array.from({ length: 300 }, () => connect(port, '127.0.0.3')));
    // Give the server a moment to close what it will not hold.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stillOpen = idle.filter(({ socket }) => !socket.destroyed && socket.readyState === 'open');
    // A quarter of SERVER_MAX_CONNECTIONS per address by default.
    expect(stillOpen.length).toBeLessThanOrEqual(62);

    const statuses = await Promise.all(Array.from({ length: 15 }, (_, i) => normalRequest(port, `127.0.0.${10 + (i % 5)}`)));
    expect(statuses).toEqual(Array(15).fill(200));

    // The idle ones are closed after the 2-second header time, checked every second.
    const closed = await Promise.all(idle.map(({ closed }) => closesWithin(closed, 8000)));
    expect(closed.filter((isClosed) => !isClosed)).toEqual([]);
  });

  it('closes slow-header and slow-body sockets after their times, not up to 30 seconds later', async () => {
    server = await startServer({ SERVER_HEADERS_TIMEOUT_SECONDS: '2', SERVER_REQUEST_TIMEOUT_SECONDS: '3' });
    const port = portOf(server.url);
    const slowHeader = await connect(port);
    const slowBody = await connect(port);
    slowHeader.socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
    slowBody.socket.write(
      `POST /feedback/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n`,
    );
    // A byte every 300 ms, for at most 40 bytes (12 s), stopping when the socket closes.
    let sent = 0;
    const drip = setInterval(() => {
      sent += 1;
      if (sent > 40) clearInterval(drip);
      if (!slowHeader.socket.destroyed) slowHeader.socket.write('X');
      if (!slowBody.socket.destroyed) slowBody.socket.write('a');
    }, 300);
    try {
      expect(await closesWithin(slowHeader.closed, 8000)).toBe(true);
      expect(await closesWithin(slowBody.closed, 9000)).toBe(true);
    } finally {
      clearInterval(drip);
    }
    expect(await normalRequest(port, '127.0.0.1')).toBe(200);
  });

  it('pipelined requests that are never read do not grow its memory by more than a few tens of MB, and the socket is closed', async () => {
    server = await startServer({ SERVER_SEND_TIMEOUT_SECONDS: '2' });
    const port = portOf(server.url);
    const pid = server.process.pid!;
    const path = largestStaticFile();
    // Warm up: the file and the handler once, so the baseline includes them.
    for (let i = 0; i < 3; i += 1) expect(await normalRequest(port, '127.0.0.1')).toBe(200);
    const before = residentBytes(pid);

    const { socket, closed } = await connect(port, '127.0.0.4');
    socket.pause(); // reads nothing
    const one = `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
    socket.write(one.repeat(1200));

    // Sample the server's memory every 250 ms for 6 s, long enough for the 2-second limit
    // on no progress to have closed the connection.
    let peak = before;
    for (let i = 0; i < 24; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      peak = Math.max(peak, residentBytes(pid));
    }
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);

    // Now read what the server sent: a paused socket cannot see the server close it until it
    // reads. It ends soon, after a few dozen answers at most, not all 1,200.
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.resume();
    expect(await closesWithin(closed, 5000)).toBe(true);
    expect(received).toBeLessThan(200 * statSync(join('dist/client', path)).size);
    expect(await normalRequest(port, '127.0.0.1')).toBe(200);
  });
});

describe('the connection limits read from the environment', () => {
  it('allow a quarter of SERVER_MAX_CONNECTIONS per address, check every second, and count per address only when clients connect directly', async () => {
    const { connectionLimits } = await import('../../server/connection-limits.mjs');
    expect(connectionLimits({})).toMatchObject({ maxConnections: 1000, perAddress: 250, headersTimeout: 10_000, requestTimeout: 30_000, checkIntervalMs: 1000, sendTimeoutMs: 30_000, maxRequestsPerSocket: 100 });
    expect(connectionLimits({ SERVER_MAX_CONNECTIONS: '250' }).perAddress).toBe(62);
    expect(connectionLimits({ SERVER_MAX_CONNECTIONS_PER_ADDRESS: '8' }).perAddress).toBe(8);
    expect(connectionLimits({ TRUSTED_PROXY_HOPS: '1' }).perAddress).toBeUndefined();
    expect(() => connectionLimits({ SERVER_MAX_CONNECTIONS_PER_ADDRESS: '0' })).toThrow(/SERVER_MAX_CONNECTIONS_PER_ADDRESS/);
    expect(() => connectionLimits({ SERVER_HEADERS_TIMEOUT_SECONDS: 'soon' })).toThrow(/SERVER_HEADERS_TIMEOUT_SECONDS/);
  });
});
