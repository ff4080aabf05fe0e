import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built site's server on its own port and data folder, for tests that restart or kill it. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'requests-server-'));
  const child = spawn(process.execPath, ['server/serve.mjs'], {
    // DATABASE_URL is cleared unless given, so a developer's own setting never receives test data.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  // Ready when it answers; on a busy machine that can take many seconds, so wait for the answer
  // (or the process ending) rather than a fixed number of tries, and say so if it never comes.
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/`, { headers: { Connection: 'close' } });
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server stopped before it was ready: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A valid request body, as the form would send it. */
export function validBody(overrides: Record<string, string> = {}): string {
  return new URLSearchParams({
    documentTitle: 'Survey of MPS complainants 2020/21',
    format: 'large-print',
    name: 'Test Person',
    replyBy: 'email',
    email: 'test.person@example.com',
    website: '',
    ...overrides,
  }).toString();
}

/**
 * Posts the request form to a server as a page of that site would (its own Origin unless
 * `headers` says otherwise), without following the answer.
 */
export function postRequest(serverUrl: string, body: string = validBody(), headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${serverUrl}/accessible-formats/request/submit/`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: serverUrl, ...headers },
    redirect: 'manual',
  });
}

/** The reference a 303 to the confirmation page gave; undefined for any other answer. */
export function confirmedReference(response: Response, serverUrl: string): string | undefined {
  if (response.status !== 303) return undefined;
  return new URL(response.headers.get('location') ?? '', serverUrl).searchParams.get('ref') ?? undefined;
}
