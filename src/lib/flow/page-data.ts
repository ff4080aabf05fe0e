import { loadFlow } from './load.ts';
import type { Flow, FlowNode } from './schema.ts';

export interface WizardPage {
  flow: Flow;
  node: FlowNode;
}

/** One static page per node except the start, whose page is the wizard's own address. */
export function wizardPaths(): { params: { node: string }; props: WizardPage }[] {
  const flow = loadFlow();
  return flow.nodes.filter((n) => n.id !== flow.start).map((node) => ({ params: { node: node.id }, props: { flow, node } }));
}

export function pageTitleFor(node: FlowNode): string {
  return node.kind === 'question' ? node.question : node.title;
}
