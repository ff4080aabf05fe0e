// Compressed delivery of the built site's static files, for `npm start` without a proxy.
//
// The build writes a brotli (.br) and a gzip (.gz) copy next to every compressible file in
// dist/client (precompress() below, run by src/integrations/precompress.ts), so nothing is
// compressed per request. serveCompressed() answers a GET or HEAD for such a file with the copy
// the client accepts (br first, then gzip), with Content-Encoding and Vary: Accept-Encoding;
// anything else (identity clients, ranges, on-demand routes) is left to Astro's handler, which
// sends the plain file. The caller has already set the security headers.
//
// Pagefind's files (.pf_* and .pagefind) are gzip inside, and Pagefind unpacks them in
// JavaScript unless they already start with its "pagefind_dcd" signature. So their .br copy is
// brotli of the unpacked bytes: smaller than the gzip file (the WebAssembly by about 15%), and
// Pagefind has nothing left to unpack. gzip and identity clients get the file as built.
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

export const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** Pagefind's own files: gzip inside, with a signature Pagefind checks after unpacking. */
const pagefindFile = /\.(pf_\w+|pagefind)$/;
const compressible = (file) => extname(file) in contentTypes || pagefindFile.test(file);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Writes file.br and file.gz beside every compressible file under dir (or those `only` accepts,
 * by path relative to dir), each only when it is smaller than the file itself. Returns the
 * bytes before and after, for the build log.
 */
/** @param {string} dir @param {(path: string) => boolean} [only] */
export function precompress(dir, only = (_path) => true) {
  let plain = 0;
  let brotli = 0;
  for (const file of [...files(dir)]) {
    if (!compressible(file) || !only(relative(dir, file).split(sep).join('/'))) continue;
    const body = readFileSync(file);
    plain += body.length;
    let best = body.length;
    if (pagefindFile.test(file)) {
      let unpacked;
      try {
        unpacked = gunzipSync(body);
      } catch {
        continue;
      }
      const br = brotliCompressSync(unpacked, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: unpacked.length } });
      if (br.length < body.length) writeFileSync(`${file}.br`, br);
      brotli += Math.min(br.length, body.length);
      continue;
    }
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    const gz = gzipSync(body, { level: 9 });
    if (br.length < body.length) writeFileSync(`${file}.br`, br);
    if (gz.length < body.length) writeFileSync(`${file}.gz`, gz);
    best = Math.min(best, br.length, gz.length);
    brotli += best;
  }
  return { plain, brotli };
}

/**
 * The encodings a client accepts, best first: "br" and/or "gzip". Follows q-values, so
 * "br;q=0" refuses brotli, and "*" stands for any encoding not named.
 */
export function acceptedEncodings(header) {
  const q = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const weight = (name) => (q.has(name) ? q.get(name) : (q.get('*') ?? 0));
  return ['br', 'gzip'].filter((name) => weight(name) > 0).sort((a, b) => weight(b) - weight(a));
}

/** Every file that has a compressed copy: URL path -> the file and its copies. */
export function compressedFiles(dir) {
  const found = new Map();
  for (const file of files(dir)) {
    if (!compressible(file)) continue;
    const rel = relative(dir, file).split(sep).join('/');
    const variants = {};
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      try {
        const stat = statSync(file + suffix);
        variants[encoding] = { path: file + suffix, size: stat.size };
      } catch {}
    }
    if (!Object.keys(variants).length) continue;
    const stat = statSync(file);
    const entry = { type: contentTypes[extname(file)] ?? 'application/octet-stream', mtime: stat.mtime, variants };
    found.set(`/${rel}`, entry);
    if (rel === 'index.html' || rel.endsWith('/index.html')) found.set(`/${rel.slice(0, -'index.html'.length)}`, entry);
  }
  return found;
}

/**
 * A handler for the compressed copies under dir (read once, at start: the server serves one
 * build). It returns true when it has answered, false to leave the request to the next handler.
 */
export function compressedStatic(dir) {
  const known = compressedFiles(dir);
  return function serveCompressed(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const entry = known.get(pathname);
    if (!entry) return false;
    // Whatever is sent for this address depends on what the client accepts.
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers.range) return false;
    const encoding = acceptedEncodings(req.headers['accept-encoding']).find((name) => entry.variants[name]);
    if (!encoding) return false;
    const variant = entry.variants[encoding];
    const etag = `W/"${variant.size.toString(16)}-${entry.mtime.getTime().toString(16)}-${encoding}"`;
    res.setHeader('Content-Type', entry.type);
    // As Astro's own handler does: hashed build assets never change, everything else is checked each time.
    res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0');
    res.setHeader('Last-Modified', entry.mtime.toUTCString());
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', variant.size);
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    const stream = createReadStream(variant.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return true;
  };
}
