// The key every per-visitor limit counts an address by: an IPv4 address as it is, and an IPv6
// address by its /64 network, because one home or phone line is usually given a whole /64 and
// can use any address in it. Plain JavaScript so that server/serve.mjs (connections) and
// src/lib/limits (rate limits, sign-in waits, known addresses) count alike.
import { isIPv4, isIPv6 } from 'node:net';

/** The eight 16-bit groups of an IPv6 address (which may end in an IPv4 address), or undefined. */
function ipv6Groups(address) {
  let text = address;
  const tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const [a, b, c, d] = tail[1].split('.').map(Number);
    text = `${text.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...rest].map((group) => parseInt(group, 16));
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}

/**
 * "203.0.113.9" for an IPv4 address (also when written as ::ffff:203.0.113.9), and
 * "2001:db8:1:2::/64" for any address in that IPv6 /64. Anything else is returned as it is.
 */
export function addressKey(address) {
  const text = String(address ?? '').trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) return text;
  const groups = ipv6Groups(text.toLowerCase());
  if (!groups) return text;
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}
