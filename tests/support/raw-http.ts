/**
 * HTTP written by hand over a socket, for what fetch will not send: other methods (TRACE), a
 * body cut off half-way, a connection left open and idle.
 */
import net from 'node:net';

/** Opens a connection and leaves it idle. */
export function openSocket(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Sends `text` as it is and resolves with everything the server answered until it closed the
 * connection (or, with hangUpAfterMs, until the client hangs up). '' when the server closed
 * the connection without a word.
 */
export function rawRequest(serverUrl: string, text: string, options: { hangUpAfterMs?: number } = {}): Promise<string> {
  const { port } = new URL(serverUrl);
  return new Promise((resolve) => {
    let answer = '';
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(text);
      if (options.hangUpAfterMs !== undefined) setTimeout(() => socket.destroy(), options.hangUpAfterMs);
    });
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer));
  });
}
