import type { Flow } from './schema.ts';
import { isQuestion } from './engine.ts';

/** Every path of node ids from the start to `target` (excluding the target itself). */
function pathsTo(flow: Flow, target: string): string[][] {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const paths: string[][] = [];
  const extend = (id: string, path: string[]) => {
    if (id === target) return void paths.push(path);
    const node = byId.get(id);
    if (!node || !isQuestion(node) || path.includes(id)) return;
    for (const answer of node.answers) extend(answer.next, [...path, id]);
  };
  extend(flow.start, []);
  return paths;
}

/**
 * Where a page's Back link goes when the page cannot know how the person got
 * there (a static page, JavaScript off): the nearest question that every route
 * to this node passes through. For a node with one parent that is its parent;
 * for a node reached from two questions it is the question before both, so
 * Back never skips an answer the person gave. Undefined for the start.
 */
export function backTarget(flow: Flow, nodeId: string): string | undefined {
  const paths = pathsTo(flow, nodeId);
  if (nodeId === flow.start || paths.length === 0) return undefined;
  const [first, ...rest] = paths;
  const common = first!.filter((id) => rest.every((p) => p.includes(id)));
  return common.at(-1);
}
