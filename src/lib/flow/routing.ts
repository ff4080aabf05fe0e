import type { FlowGraph, GraphNode } from './engine.ts';
import type { Flow } from './schema.ts';

/**
 * The routing part of the flow, for the browser: ids, each question with its
 * answers' labels and where they lead, and which nodes are results. This is
 * all the engine needs to rebuild "Your answers" and the address from a
 * shared link, so the island drives from the same engine as the pages
 * without shipping the results' copy, which it reads from each page.
 */
export function routingGraph(flow: Flow): FlowGraph {
  const nodes: GraphNode[] = flow.nodes.map((node) =>
    node.kind === 'question'
      ? { id: node.id, kind: 'question', question: node.question, answers: node.answers.map(({ id, label, next }) => ({ id, label, next })) }
      : { id: node.id, kind: 'result' },
  );
  return { start: flow.start, nodes };
}

/**
 * Reads a routing graph the browser fetched. Anything not in the expected
 * shape gives undefined, and the island then leaves the plain links alone.
 */
export function parseRoutingGraph(data: unknown): FlowGraph | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { start, nodes } = data as { start?: unknown; nodes?: unknown };
  if (typeof start !== 'string' || !Array.isArray(nodes)) return undefined;
  const isText = (value: unknown): value is string => typeof value === 'string';
  const fine = nodes.every((node: Partial<Record<string, unknown>> | null) => {
    if (typeof node !== 'object' || node === null || !isText(node['id'])) return false;
    if (node['kind'] === 'result') return true;
    return (
      node['kind'] === 'question' &&
      isText(node['question']) &&
      Array.isArray(node['answers']) &&
      node['answers'].every((a: Partial<Record<string, unknown>> | null) => typeof a === 'object' && a !== null && isText(a['id']) && isText(a['label']) && isText(a['next']))
    );
  });
  return fine ? { start, nodes: nodes as GraphNode[] } : undefined;
}
