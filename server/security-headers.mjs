// Security headers for every response the Node server sends. Static hosts get
// the same headers from public/_headers; keep the two in step.

const policy = (frameAncestors) =>
  [
    "default-src 'self'",
    "script-src 'self'",
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

/** Headers for a request path: the embed may be framed by any site, nothing else may. */
export function headersFor(pathname) {
  return pathname.startsWith(embedPrefix) ? embedHeaders : siteHeaders;
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
