import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import http from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { acceptedEncodings, compressedStatic, precompress } from '../../server/compressed-static.mjs';

const page = `<!doctype html><title>Hello</title>${'<p>Plain English, every word of it. '.repeat(200)}`;
const raw = Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from('index words '.repeat(500))]);
let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'compressed-static-'));
  mkdirSync(join(dir, 'guide'));
  mkdirSync(join(dir, 'pagefind'));
  writeFileSync(join(dir, 'guide', 'index.html'), page);
  writeFileSync(join(dir, 'site.css'), 'body { color: black; } '.repeat(50));
  writeFileSync(join(dir, 'photo.png'), Buffer.alloc(2000, 1));
  writeFileSync(join(dir, 'pagefind', 'en_1.pf_index'), gzipSync(raw, { level: 1 }));
  precompress(dir);
  const serve = compressedStatic(dir);
  server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!serve(req, res)) {
      res.setHeader('X-Fallback', 'yes');
      res.end('plain');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET, so the body arrives exactly as sent (fetch would unpack it). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

describe('compressed copies at build', () => {
  it('writes brotli and gzip beside text files, nothing beside images', () => {
    expect(existsSync(join(dir, 'guide', 'index.html.br'))).toBe(true);
    expect(existsSync(join(dir, 'guide', 'index.html.gz'))).toBe(true);
    expect(existsSync(join(dir, 'photo.png.br'))).toBe(false);
  });

  it("gives Pagefind's gzip files a brotli copy of their unpacked bytes, which Pagefind reads as they are", () => {
    expect(brotliDecompressSync(readFileSync(join(dir, 'pagefind', 'en_1.pf_index.br')))).toEqual(raw);
    expect(existsSync(join(dir, 'pagefind', 'en_1.pf_index.gz'))).toBe(false);
  });
});

describe('which encoding a client gets', () => {
  it('reads Accept-Encoding with q-values, brotli first', () => {
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0, gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('gzip;q=1, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });

  it('sends brotli to a client that accepts it, with Content-Encoding and Vary', async () => {
    const res = await get('/guide/', { 'Accept-Encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(page.length / 5);
    expect(brotliDecompressSync(res.body).toString()).toBe(page);
    // Headers the caller set stay.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const res = await get('/site.css', { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(gunzipSync(res.body).toString()).toBe('body { color: black; } '.repeat(50));
  });

  it('leaves identity clients, ranges and unknown files to the plain handler, still with Vary', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'br;q=0, gzip;q=0' }, { 'Accept-Encoding': 'br', Range: 'bytes=0-10' }] as Record<string, string>[]) {
      const res = await get('/guide/', headers);
      expect(res.headers['x-fallback']).toBe('yes');
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toBe('Accept-Encoding');
    }
    expect((await get('/photo.png', { 'Accept-Encoding': 'br' })).headers['x-fallback']).toBe('yes');
    expect((await get('/nothing-here/', { 'Accept-Encoding': 'br' })).headers['x-fallback']).toBe('yes');
  });

  it('answers HEAD without a body and a matching ETag with 304', async () => {
    const head = await get('/guide/', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.body.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('br');
    const again = await get('/guide/', { 'Accept-Encoding': 'br', 'If-None-Match': String(head.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Each encoding has its own ETag, so a cache never mixes them up.
    expect((await get('/guide/', { 'Accept-Encoding': 'gzip' })).headers.etag).not.toBe(head.headers.etag);
  });
});
