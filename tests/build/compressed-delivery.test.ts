import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir } from '../support/built-pages.ts';
import { startServer, type RunningServer } from '../support/request-server.ts';

// What `npm start` sends: every compressible static file compressed for clients that accept it,
// the plain file for those that do not, and the security headers on all of them.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 30_000);
afterAll(() => server.stop());

function get(path: string, encoding?: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.url}${path}`, { headers: encoding === undefined ? {} : { 'Accept-Encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const astroFile = (ext: string) => `/_astro/${(readFileSync(join(clientDir, 'search', 'index.html'), 'utf8').match(new RegExp(`/_astro/([^"]+\\.${ext})"`)) ?? [])[1]}`;

describe('compressed delivery from the project’s own server', () => {
  const paths = () => ['/search/', '/guides/right-of-review/', astroFile('css'), astroFile('js'), '/search/query-data.json', '/favicon.svg', '/pagefind/pagefind.js'];

  it('sends brotli, gzip and identity bodies that all unpack to the built file', async () => {
    for (const path of paths()) {
      const file = readFileSync(join(clientDir, path.endsWith('/') ? `${path}index.html` : path));
      const br = await get(path, 'br, gzip');
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(brotliDecompressSync(br.body), path).toEqual(file);
      const gz = await get(path, 'gzip');
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(gz.body), path).toEqual(file);
      for (const encoding of ['identity', undefined]) {
        const plain = await get(path, encoding);
        expect(plain.headers['content-encoding'], path).toBeUndefined();
        expect(plain.body, path).toEqual(file);
      }
      for (const res of [br, gz]) {
        expect(res.headers.vary, path).toMatch(/Accept-Encoding/);
        expect(res.headers['content-security-policy'], path).toMatch(/default-src 'self'/);
        expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      }
    }
  });

  it('keeps the long cache on hashed build assets, and pages are checked again each time, whatever the encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const asset = await get(astroFile('css'), encoding);
      expect(asset.headers['cache-control'], encoding).toBe('public, max-age=31536000, immutable');
      const page = await get('/guides/right-of-review/', encoding);
      expect(page.headers['cache-control'] ?? 'public, max-age=0', encoding).not.toMatch(/immutable/);
    }
  });

  it("sends Pagefind's index and WebAssembly as brotli of the unpacked bytes, which Pagefind reads without unpacking", async () => {
    const res = await get('/pagefind/wasm.en.pagefind', 'br, gzip');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).subarray(0, 12).toString()).toBe('pagefind_dcd');
    expect(res.body.length).toBeLessThan(readFileSync(join(clientDir, 'pagefind', 'wasm.en.pagefind')).length);
    // gzip clients get the file as built (it is gzip inside already).
    const gz = await get('/pagefind/wasm.en.pagefind', 'gzip');
    expect(gz.headers['content-encoding']).toBeUndefined();
  });
});
