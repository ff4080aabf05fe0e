/**
 * Whether a form post came from a page of this site: the check that stops another website
 * making a visitor's browser send our forms. It replaces Astro's own check (turned off in
 * astro.config.mjs) for two reasons: Astro answers a refusal with a line of plain text, and
 * behind a load balancer that ends HTTPS it compares "https://..." (what the browser says)
 * with "http://..." (what the server sees), so it refuses every post.
 *
 * A post is accepted when its Origin header (or, when a browser leaves that out, its Referer)
 * is one of this site's origins: the address the server was asked for; the public address the
 * site was built for (SITE_URL); and, when proxies are trusted (TRUSTED_PROXY_HOPS), the same
 * host with the protocol the load balancer reports in X-Forwarded-Proto.
 */

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OriginContext {
  /** The URL the server was asked for. */
  url: URL;
  /** The public address the site was built for, when known. */
  site?: URL | undefined;
  /** Whether a proxy in front may be believed about the protocol (TRUSTED_PROXY_HOPS > 0). */
  trustProxy: boolean;
}

/** The origins a post from this site may carry. */
export function siteOrigins(headers: Headers, context: OriginContext): Set<string> {
  const origins = new Set([context.url.origin]);
  if (context.site) origins.add(context.site.origin);
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (context.trustProxy && (forwarded === 'http' || forwarded === 'https')) origins.add(`${forwarded}://${context.url.host}`);
  return origins;
}

function originOf(value: string | null): string | undefined {
  if (!value || value === 'null') return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/** True for GET and the like, and for a post whose Origin (or else Referer) is one of the site's. */
export function comesFromThisSite(method: string, headers: Headers, context: OriginContext): boolean {
  if (safeMethods.has(method.toUpperCase())) return true;
  const origin = originOf(headers.get('origin')) ?? (headers.has('origin') ? undefined : originOf(headers.get('referer')));
  return origin !== undefined && siteOrigins(headers, context).has(origin);
}

/** Where the middleware shows a refused public post (src/pages/refused.astro). */
export const publicRefusedPath = '/refused/';

/** What a person sees when a post to a public form is refused as not from this site. */
export const crossSiteRefusal = {
  status: 403,
  heading: 'Your form could not be sent',
  body: 'It did not look as if it came from a page on this website, so we did not read it and nothing was saved. If you filled in the form here, go back, reload the page and send it again.',
} as const;
