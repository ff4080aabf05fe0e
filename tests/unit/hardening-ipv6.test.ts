/**
 * Issue 23, medium 5: an IPv6 visitor is counted by their /64 for every limit, because one
 * line is usually given a whole /64 and can use any address in it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { addressKey, visitorAddress } from '../../src/lib/limits/address.ts';
import { createLimiter } from '../../src/lib/limits/limiter.ts';
import { postRequest, startServer, validBody, type RunningServer } from '../support/request-server.ts';

describe('the key an address is counted by', () => {
  it('is an IPv4 address as it is, and the /64 of an IPv6 address however it is written', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('[2001:db8:1:2:3:4:5:6]')).toBe('2001:db8:1:2::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('not an address')).toBe('not an address');
  });

  it('makes two addresses in one /64 share a limit, and another /64 have its own', async () => {
    const limiter = createLimiter({ name: 'v6', points: 2, durationSeconds: 600 });
    const from = (address: string) => limiter.consume(visitorAddress(address, new Headers()));
    expect((await from('2001:db8:1:2::a')).allowed).toBe(true);
    expect((await from('2001:db8:1:2:ffff::b')).allowed).toBe(true);
    expect((await from('2001:db8:1:2:1234:5678:9abc:def0')).allowed).toBe(false);
    expect((await from('2001:db8:1:3::a')).allowed).toBe(true);
  });
});

describe.skipIf(!existsSync('dist/server/entry.mjs'))('the request server', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('counts visitors behind a load balancer by their /64: two addresses in it share the form limit', async () => {
    server = await startServer({ REQUEST_RATE_LIMIT: '2', TRUSTED_PROXY_HOPS: '1' });
    const post = async (forwardedFor: string) => (await postRequest(server!.url, validBody(), { 'X-Forwarded-For': forwardedFor })).status;
    expect(await post('2001:db8:aa:1::1')).toBe(303);
    expect(await post('2001:db8:aa:1::2')).toBe(303);
    expect(await post('2001:db8:aa:1:ffff:ffff:ffff:fffe')).toBe(429);
    expect(await post('2001:db8:aa:2::1')).toBe(303);
  });
});
