import { toAnswersQuery, type AnswerPair } from './engine.ts';

/**
 * Where the wizard lives on the site, and inside other sites' iframes, and how a
 * page's address maps to a node. Pure, so pages, the island and tests share it.
 */
export const wizardBase = '/where-to-complain/';
export const embedBase = '/embed/where-to-complain/';

/** The routing graph the island loads (see routing.ts); one file serves the site and the embed. */
export const routingGraphPath = `${wizardBase}flow.json`;

/** The page for a node; the start node's page is the wizard's own address. */
export function nodePath(base: string, nodeId: string, startId: string): string {
  return nodeId === startId ? base : `${base}${nodeId}/`;
}

/** The URL of a node with the answers that led to it, e.g. "/where-to-complain/recorded/?a=urgent:no". */
export function nodeHref(base: string, nodeId: string, startId: string, pairs: readonly AnswerPair[]): string {
  return nodePath(base, nodeId, startId) + toAnswersQuery(pairs);
}

/**
 * The node a page address shows: the inverse of `nodePath`. The wizard's own
 * address is the start; anything else under the base is "<id>/".
 */
export function nodeIdFromPath(base: string, pathname: string, startId: string): string {
  if (!pathname.startsWith(base)) return startId;
  return pathname.slice(base.length).replace(/\/$/, '') || startId;
}
