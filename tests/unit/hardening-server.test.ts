/**
 * Issue 23, low 7 and the header item, against the built server (run `npm run build` first):
 * a request followed by an instant disconnect logs one line, not a stack trace; Astro's
 * unused routes (/_image/) answer the site's 404 page; a target that climbs out of the embed
 * gets the strict headers of the page it reaches.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { startServer, type RunningServer } from '../support/request-server.ts';
import { rawRequest } from '../support/raw-http.ts';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe.skipIf(!existsSync('dist/server/entry.mjs'))('the request server', () => {
  it('logs one line for a request whose client went at once, and carries on', async () => {
    server = await startServer();
    let log = '';
    for (const stream of [server.process.stdout, server.process.stderr]) stream?.on('data', (chunk: Buffer) => void (log += chunk.toString()));
    const port = Number(new URL(server.url).port);
    for (const path of ['/staff/sign-in/', '/accessible-formats/request/confirmation/?ref=AF-2026-AAAAAAAA']) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
          socket.resetAndDestroy();
        });
        socket.on('error', () => {});
        socket.on('close', () => resolve());
      });
    }
    expect((await fetch(`${server.url}/health/`)).status).toBe(200);
    // Give the log a moment to arrive (bounded).
    for (let i = 0; i < 20 && (log.match(/dropped/g) ?? []).length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log).not.toMatch(/\n\s+at /);
    expect(log).not.toMatch(/ClientAddressNotAvailable|ERROR/);
    expect(log.match(/A request was dropped: its client disconnected/g)?.length ?? 0).toBeLessThanOrEqual(2);
  });

  it('answers routes the site does not use with its own 404 page, headers and all', async () => {
    server = await startServer();
    for (const path of ['/_image/', '/_image/?href=/favicon.svg', '/_image/?href=https://evil.example/x.png', '/_server-islands/x', '/_actions/x']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toContain('text/html');
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(await response.text(), path).toContain('<h1');
    }
  });

  it('sends the headers of the page a climbing target reaches, not the embed’s', async () => {
    server = await startServer();
    const answer = await rawRequest(server.url, 'GET /embed/where-to-complain/%2e%2e/%2e%2e/staff/sign-in/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/\r\nX-Frame-Options: DENY\r\n/i);
    expect(answer).toMatch(/frame-ancestors 'none'/);
    expect(answer).toMatch(/\r\nCache-Control: no-store\r\n/i);
  });
});

describe.skipIf(!existsSync('dist/server/entry.mjs'))('the request form with errors', () => {
  it('is sent with no-store, as it shows what the person typed', async () => {
    server = await startServer();
    const response = await fetch(`${server.url}/accessible-formats/request/submit/`, {
      method: 'POST',
      body: new URLSearchParams({ documentTitle: 'A document', name: 'Jane Person', format: 'large-print', replyBy: 'email', email: 'not an email', website: '' }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Jane Person');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
