/**
 * Guards the staff pages under /staff/ and leaves every other path exactly as it was: no
 * session lookup, no cookie, no header.
 *
 * For /staff/:
 * - every response gets Cache-Control: no-store and X-Robots-Tag: noindex;
 * - every page but /staff/sign-in/ needs a live session, or answers 303 to the sign-in page;
 * - every POST there must carry the session's CSRF token in the form field `csrf`, or gets a
 *   readable 403 page.
 *
 * Before that, for every on-demand route: a body that server/serve.mjs found too large gets
 * the readable 413 page; a POST that did not come from a page of this site
 * (src/lib/requests/same-origin.ts) gets a readable 403 page and is never read. This replaces
 * Astro's own check, which answers in plain text and refuses every post behind a load
 * balancer that ends HTTPS.
 *
 * Astro runs middleware only for on-demand routes in production (and for every page while
 * prerendering, where this returns at once); all the staff routes are on-demand.
 */
import { defineMiddleware } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import { staffAuth } from './lib/runtime.ts';
import { BodyTooLargeError, bodyTooLargeHeader, publicTooLargeRefusal } from './lib/limits/body.ts';
import { trustedProxyHops } from './lib/limits/address.ts';
import { comesFromThisSite, configuredSite, crossSiteRefusal, publicRefusedPath } from './lib/requests/same-origin.ts';
import {
  cameOverHttps,
  checkCsrf,
  isStaffPath,
  needsSession,
  readForm,
  refusals,
  sessionCookieName,
  sessionCookieOptions,
  staffResponseHeaders,
  type Refusal,
} from './lib/staff/guard.ts';
import { refusedPath, signInPath } from './lib/staff/urls.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const staffPath = isStaffPath(context.url.pathname);
  // server/serve.mjs read no more of a body over its limit, and says so here.
  if (context.request.headers.get(bodyTooLargeHeader) === '1') {
    if (staffPath) return withStaffHeaders(await refuse(context, next, refusals.tooLarge));
    return refuse(context, next, publicTooLargeRefusal, publicRefusedPath);
  }
  const fromThisSite = comesFromThisSite(context.request.method, context.request.headers, {
    url: context.url,
    site: configuredSite(),
    trustProxy: trustedProxyHops() > 0,
  });
  if (!fromThisSite) {
    if (staffPath) return withStaffHeaders(await refuse(context, next, refusals.crossSite));
    return refuse(context, next, crossSiteRefusal, publicRefusedPath);
  }
  if (!staffPath) return next();
  return withStaffHeaders(await guardStaffRequest(context, next));
});

async function guardStaffRequest(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const { cookies, locals, request, url } = context;
  const sessionId = cookies.get(sessionCookieName)?.value;
  const staff = sessionId ? await staffAuth().session(sessionId) : undefined;
  // An ended or expired session: clear the cookie so the browser stops sending it.
  if (sessionId && !staff) cookies.delete(sessionCookieName, sessionCookieOptions(cameOverHttps(url, request.headers)));
  if (staff) locals.staff = staff;

  if (!needsSession(url.pathname)) return next();
  if (!staff) return context.redirect(signInPath, 303);

  if (request.method === 'POST') {
    let form: URLSearchParams;
    try {
      // Read once here; the page uses locals.staffForm rather than the body.
      form = await readForm(request.clone().body);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return refuse(context, next, refusals.tooLarge);
      throw error;
    }
    if (!checkCsrf(staff.csrfToken, request.headers.get('content-type'), form).ok) {
      return refuse(context, next, refusals.csrf);
    }
    locals.staffForm = form;
  }
  return next();
}

/**
 * Renders a refusal page (/staff/refused/, or /refused/ for public forms: readable pages in the
 * site's layout) in place of the page asked for.
 */
function refuse(context: APIContext, next: MiddlewareNext, refusal: Refusal, path = refusedPath): Promise<Response> {
  context.locals.refusal = refusal;
  return next(new Request(new URL(path, context.url), { method: 'GET', headers: context.request.headers }));
}

function withStaffHeaders(response: Response): Response {
  try {
    for (const [name, value] of Object.entries(staffResponseHeaders)) response.headers.set(name, value);
    return response;
  } catch {
    // Some responses (Response.redirect) have read-only headers: copy into one that does not.
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(staffResponseHeaders)) copy.headers.set(name, value);
    return copy;
  }
}
