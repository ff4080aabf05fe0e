import { describe, it, expect } from 'vitest';
import { BodyTooLargeError, createRateLimiter, formFields, readBodyWithLimit } from '../../src/lib/requests/rate-limit.ts';

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
