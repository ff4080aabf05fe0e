/**
 * The address a limit counts for a request. Behind load balancers (TRUSTED_PROXY_HOPS) it is
 * the address the outermost trusted proxy saw; without them, the address that connected.
 *
 * With TRUSTED_PROXY_HOPS set, a client that reaches a server directly could write its own
 * X-Forwarded-For and choose the address it is counted as, so request servers must then be
 * reachable only through the load balancer (see the README's "Deploying").
 */
import { addressKey } from '../../../server/address-key.mjs';

export { addressKey };

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

/**
 * The address a rate limit counts for this request: clientAddressFor with the request's header
 * and TRUSTED_PROXY_HOPS, with an IPv6 address counted by its /64 (server/address-key.mjs), as
 * one home or phone line can use any address in its /64. Every per-visitor limit, sign-in
 * wait and known address uses this.
 */
export function visitorAddress(connectedFrom: string, headers: Headers): string {
  return addressKey(clientAddressFor(connectedFrom, headers.get('x-forwarded-for'), trustedProxyHops()));
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
