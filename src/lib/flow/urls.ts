/** Where the wizard lives on the site, and inside other sites' iframes. */
export const wizardBase = '/where-to-complain/';
export const embedBase = '/embed/where-to-complain/';

/** The page for a node; the start node's page is the wizard's own address. */
export function nodePath(base: string, nodeId: string, startId: string): string {
  return nodeId === startId ? base : `${base}${nodeId}/`;
}
