import { getCollection } from 'astro:content';
import { contacts } from '../content/site-data.ts';
import { assertFlowSound } from './graph.ts';
import { loadFlow } from './load.ts';
import type { Flow, FlowNode } from './schema.ts';

export interface WizardPage {
  flow: Flow;
  node: FlowNode;
}

let checked = false;

/**
 * The flow for the wizard's pages, after every graph check has passed: a
 * result with no source, a missing contact or guide, or a broken route stops
 * the build with the full list of problems.
 */
export async function soundFlow(): Promise<Flow> {
  const flow = loadFlow();
  if (!checked) {
    const guides = await getCollection('guides');
    assertFlowSound(flow, { contactIds: contacts.map((c) => c.id), guideIds: guides.filter((g) => !g.data.archived).map((g) => g.id) });
    checked = true;
  }
  return flow;
}

/** One static page per node except the start, whose page is the wizard's own address. */
export async function wizardPaths(): Promise<{ params: { node: string }; props: WizardPage }[]> {
  const flow = await soundFlow();
  return flow.nodes.filter((n) => n.id !== flow.start).map((node) => ({ params: { node: node.id }, props: { flow, node } }));
}

export function pageTitleFor(node: FlowNode): string {
  return node.kind === 'question' ? node.question : node.title;
}
