// Security headers for every response the Node server sends. Static hosts get
// the same headers from public/_headers; keep the two in step.

const policy = (frameAncestors, script = "script-src 'self'") =>
  [
    "default-src 'self'",
    script,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');

/** The only pages other websites may show in a frame: the embeddable wizard. */
export const embedPrefix = '/embed/where-to-complain/';

const common = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};

export const siteHeaders = Object.freeze({
  ...common,
  'Content-Security-Policy': policy("'none'"),
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

/** The search page, the only page that runs WebAssembly (Pagefind's search engine). */
export const searchPrefix = '/search/';

/**
 * Pagefind compiles its WebAssembly in the page, which a CSP allows only with 'wasm-unsafe-eval'
 * (it allows WebAssembly and nothing else: no eval, no inline script). Only the search page gets it.
 */
export const searchHeaders = Object.freeze({
  ...siteHeaders,
  'Content-Security-Policy': policy("'none'", "script-src 'self' 'wasm-unsafe-eval'"),
});

export const embedHeaders = Object.freeze({
  ...common,
  'Content-Security-Policy': policy('*'),
});

/**
 * Sent only over HTTPS, so not by the Node server itself (it speaks plain HTTP behind the
 * load balancer, which adds this header to what it proxies): written into public/_headers and
 * docs/nginx-headers.conf for every static page, the embed included.
 */
export const httpsOnlyHeaders = Object.freeze({
  'Strict-Transport-Security': 'max-age=31536000',
});

/** Headers for a request path: the embed may be framed by any site, nothing else may; only search runs WebAssembly. */
export function headersFor(pathname) {
  if (pathname.startsWith(embedPrefix)) return embedHeaders;
  return pathname === searchPrefix.slice(0, -1) || pathname.startsWith(searchPrefix) ? searchHeaders : siteHeaders;
}

/** Pages that only the Node server answers and that no cache or search engine should keep. */
const privatePrefixes = ['/staff/', '/health/'];

export const privateHeaders = Object.freeze({
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
});

/** privateHeaders for the staff pages and the health check, nothing for any other path. */
export function privateHeadersFor(pathname) {
  const isPrivate = privatePrefixes.some((prefix) => pathname === prefix.slice(0, -1) || pathname.startsWith(prefix));
  return isPrivate ? privateHeaders : {};
}
