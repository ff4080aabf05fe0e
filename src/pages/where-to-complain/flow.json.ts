import type { APIRoute } from 'astro';
import { soundFlow } from '../../lib/flow/page-data.ts';
import { routingGraph } from '../../lib/flow/routing.ts';

/** The wizard's routing graph for the island: built once, served as a static file. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(routingGraph(await soundFlow())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
