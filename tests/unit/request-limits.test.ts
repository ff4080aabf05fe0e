import { describe, it, expect } from 'vitest';
import {
  BodyTooLargeError,
  clientAddressFor,
  createRateLimiter,
  formFields,
  readBodyWithLimit,
  trustedProxyHops,
} from '../../src/lib/requests/rate-limit.ts';

const stream = (...parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });

describe('the submission rate limit', () => {
  it('allows a few requests, then refuses until the window has passed', () => {
    let time = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: () => time });
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a')]).toEqual([true, true, false]);
    expect(limiter.allow('b')).toBe(true);
    time = 1001;
    expect(limiter.allow('a')).toBe(true);
  });

  it('keeps its memory bounded', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxClients: 3 });
    for (const key of ['a', 'b', 'c', 'd']) limiter.allow(key);
    // "a" was forgotten, so it is allowed again.
    expect(limiter.allow('a')).toBe(true);
  });
});

describe('reading a request body', () => {
  it('reads a body within the limit', async () => {
    expect(await readBodyWithLimit(stream('name=A', '&b=2'), 100)).toBe('name=A&b=2');
  });

  it('stops at the limit', async () => {
    await expect(readBodyWithLimit(stream('x'.repeat(60), 'y'.repeat(60)), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('keeps only known fields, first value first', () => {
    expect(formFields('name=A&name=B&evil=1&format=braille', ['name', 'format'])).toEqual({ name: 'A', format: 'braille' });
  });
});

describe('the address a rate limit counts, behind load balancers', () => {
  it('is the connecting address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressFor('10.0.0.5', '203.0.113.9', 0)).toBe('10.0.0.5');
    expect(clientAddressFor('10.0.0.5', null, 1)).toBe('10.0.0.5');
    expect(clientAddressFor('10.0.0.5', ' , ', 1)).toBe('10.0.0.5');
  });

  it('is the address the trusted load balancer saw, not one the client wrote itself', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4" to dodge the limit; the load balancer appended
    // the address it really came from.
    expect(clientAddressFor('10.0.0.5', '1.2.3.4, 203.0.113.9', 1)).toBe('203.0.113.9');
    // Two trusted hops (a CDN, then the load balancer).
    expect(clientAddressFor('10.0.0.5', '1.2.3.4, 203.0.113.9, 198.51.100.7', 2)).toBe('203.0.113.9');
    // Fewer entries than hops: the furthest one known.
    expect(clientAddressFor('10.0.0.5', '203.0.113.9', 3)).toBe('203.0.113.9');
  });

  it('reads TRUSTED_PROXY_HOPS as a small whole number, and refuses anything else', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '' })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '1' })).toBe(1);
    for (const bad of ['-1', '1.5', 'yes', '11']) {
      expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });
});
