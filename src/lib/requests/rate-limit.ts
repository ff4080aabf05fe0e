/**
 * A per-client limit on submissions: at most `limit` in any `windowMs`. It
 * lives in one server's memory, which is enough to slow a script down; with N
 * servers behind a load balancer a client may get up to N times the limit, so a
 * shared limit belongs in the load balancer.
 */
export interface RateLimiter {
  /** Counts an attempt; false when this client has used up its allowance. */
  allow(key: string): boolean;
}

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number; maxClients?: number }): RateLimiter {
  const { limit, windowMs, now = Date.now, maxClients = 10_000 } = options;
  const attempts = new Map<string, number[]>();
  return {
    allow(key) {
      const time = now();
      const recent = (attempts.get(key) ?? []).filter((t) => time - t < windowMs);
      const allowed = recent.length < limit;
      if (allowed) recent.push(time);
      attempts.delete(key);
      attempts.set(key, recent);
      // Forget the least recently seen clients first, so memory stays bounded under a flood of addresses.
      while (attempts.size > maxClients) attempts.delete(attempts.keys().next().value as string);
      return allowed;
    },
  };
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** Reads a request body as text, stopping as soon as it passes `maxBytes` rather than after reading it all. */
export async function readBodyWithLimit(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(`Body larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** The known form fields from a URL-encoded body; the first value wins and anything else is ignored. */
export function formFields(body: string, known: readonly string[]): Record<string, string> {
  const params = new URLSearchParams(body);
  const fields: Record<string, string> = {};
  for (const name of known) {
    const value = params.get(name);
    if (value !== null) fields[name] = value;
  }
  return fields;
}

/**
 * The address a rate limit should count, given how many proxies (load balancers) sit in front
 * of this server and are trusted to append to X-Forwarded-For (TRUSTED_PROXY_HOPS, 0 when
 * not set). With none, it is the address that connected. With N, it is the address the
 * outermost trusted proxy saw, the Nth entry from the right: entries further left were written
 * by the client itself and could be anything.
 */
export function clientAddressFor(connectedFrom: string, forwardedFor: string | null, trustedProxyHops: number): string {
  if (!(trustedProxyHops > 0) || !forwardedFor) return connectedFrom;
  const hops = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops.length === 0) return connectedFrom;
  return hops[Math.max(0, hops.length - Math.trunc(trustedProxyHops))] ?? connectedFrom;
}

/** The address a rate limit counts for this request: clientAddressFor with the request's header and TRUSTED_PROXY_HOPS. */
export function visitorAddress(connectedFrom: string, headers: Headers): string {
  return clientAddressFor(connectedFrom, headers.get('x-forwarded-for'), trustedProxyHops());
}

/** TRUSTED_PROXY_HOPS from the environment: a whole number from 0 to 10, 0 when not set. */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const value = env['TRUSTED_PROXY_HOPS'];
  if (value === undefined || value === '') return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10; got "${value}"`);
  }
  return hops;
}
