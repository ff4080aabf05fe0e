/**
 * A health check for load balancers: 200 when this server can reach the request database
 * (and its schema is up to date), 503 when it cannot. server/serve.mjs asks for it once at
 * start-up, so migrations run then and not on the first visitor's request.
 *
 * The answer says nothing about the database; why it failed goes to the server's log.
 */
import type { APIRoute } from 'astro';
import { requestStore } from '../lib/runtime.ts';

export const prerender = false;

const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

export const GET: APIRoute = async () => {
  try {
    await requestStore().ready();
    return new Response('ok\n', { status: 200, headers });
  } catch (error) {
    // Connection and schema errors name hosts and versions, never requests or people.
    console.error(`Health check failed: the request database is not available (${error instanceof Error ? error.message : String(error)})`);
    return new Response('The request database is not available.\n', { status: 503, headers });
  }
};
