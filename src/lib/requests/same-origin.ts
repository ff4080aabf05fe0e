/**
 * Whether a form post came from a page of this site: the check that stops another website
 * making a visitor's browser send our forms. It replaces Astro's own check (turned off in
 * astro.config.mjs) for two reasons: Astro answers a refusal with a line of plain text, and
 * behind a load balancer that ends HTTPS it compares "https://..." (what the browser says)
 * with "http://..." (what the server sees), so it refuses every post.
 *
 * A post is accepted when its Origin header (or, when a browser leaves that out, its Referer)
 * is this site's origin: the public address configured in SITE_URL when there is one, and
 * only that; otherwise the address the server was asked for (its own Host), over the protocol
 * actually used. When
 * proxies are trusted (TRUSTED_PROXY_HOPS) and the load balancer reports a protocol in
 * X-Forwarded-Proto, that protocol is the one used, and the server's own plain http:// origin
 * no longer passes. Without SITE_URL, nothing else passes: a build made without it
 * (`npm start` on a laptop) accepts posts from the address it is visited at, and only that.
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
  // With SITE_URL set, that is the one origin: the Host header is the client's to write, and a
  // page on another name that resolves here (DNS rebinding) would otherwise pass.
  if (context.site) return new Set([context.site.origin]);
  const origins = new Set<string>();
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const proxied = context.trustProxy && (forwarded === 'http' || forwarded === 'https');
  origins.add(proxied ? `${forwarded}://${context.url.host}` : context.url.origin);
  return origins;
}

/**
 * The public address from SITE_URL: the server's own environment first, then the value the
 * site was built with (astro.config.mjs passes it in). Undefined when neither was set, rather
 * than the localhost address the build uses for its links, which must not be trusted on a
 * real host.
 */
export function configuredSite(runtime: string | undefined = process.env['SITE_URL'], builtWith: string | undefined = import.meta.env.CONFIGURED_SITE_URL): URL | undefined {
  const value = runtime || builtWith;
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    throw new Error(`SITE_URL must be a full address such as https://complaints.example; got "${value}"`);
  }
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
