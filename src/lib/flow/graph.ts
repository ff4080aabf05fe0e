import { isQuestion, isResult } from './engine.ts';
import { isAllowedHref, linksIn } from './copy.ts';
import type { Flow, FlowNode } from './schema.ts';

/**
 * Checks on the flow as a graph, in the style of GOV.UK smart answers' checker:
 * every node reachable, every question leads to a result, no cycles, every
 * link target exists. Each check returns a list of problems in plain words
 * (empty when fine), so a test or the build can show them all at once.
 */

export interface FlowRefs {
  /** Ids from src/content/data/contacts.json. */
  readonly contactIds: readonly string[];
  /** Ids of the guides a result may link to (archived guides left out). */
  readonly guideIds: readonly string[];
}

/** One way from the start to a result. */
export interface PathToResult {
  readonly resultId: string;
  /** The node ids visited, start first, result last. */
  readonly nodeIds: readonly string[];
  /** The answer ids chosen, one per question: pass them to `walk`. */
  readonly answerIds: readonly string[];
}

/** Nodes by id. With duplicate ids the first wins, as in `nodeById`; `duplicateIds` reports the rest. */
function nodeMap(flow: Flow): Map<string, FlowNode> {
  const map = new Map<string, FlowNode>();
  for (const node of flow.nodes) if (!map.has(node.id)) map.set(node.id, node);
  return map;
}

/** Where a node's answers lead (results lead nowhere). */
function targetsOf(node: FlowNode): string[] {
  return isQuestion(node) ? node.answers.map((answer) => answer.next) : [];
}

/** Ids used more than once, for nodes and for answers within a question. */
export function duplicateIds(flow: Flow): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const node of flow.nodes) counts.set(node.id, (counts.get(node.id) ?? 0) + 1);
  for (const [id, count] of counts) if (count > 1) problems.push(`Node id "${id}" is used ${count} times`);
  for (const node of flow.nodes.filter(isQuestion)) {
    const seen = new Set<string>();
    for (const answer of node.answers) {
      if (seen.has(answer.id)) problems.push(`Question "${node.id}" has two answers with id "${answer.id}"`);
      seen.add(answer.id);
    }
  }
  return problems;
}

/** A start or an answer that points at a node that does not exist. */
export function missingTargets(flow: Flow): string[] {
  const nodes = nodeMap(flow);
  const problems: string[] = [];
  if (!nodes.has(flow.start)) problems.push(`The start "${flow.start}" is not a node`);
  for (const node of flow.nodes.filter(isQuestion)) {
    for (const answer of node.answers) {
      if (!nodes.has(answer.next)) {
        problems.push(`Answer "${answer.id}" of question "${node.id}" leads to "${answer.next}", which is not a node`);
      }
    }
  }
  return problems;
}

/** Ids of every node that some run of answers from the start can reach. */
function reachableIds(flow: Flow): Set<string> {
  const nodes = nodeMap(flow);
  const reached = new Set<string>();
  const queue = [flow.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = nodes.get(id);
    if (node === undefined || reached.has(id)) continue;
    reached.add(id);
    queue.push(...targetsOf(node));
  }
  return reached;
}

/** Nodes no one can get to: a page that exists but is never shown in the journey. */
export function unreachableNodes(flow: Flow): string[] {
  const reached = reachableIds(flow);
  return flow.nodes.filter((node) => !reached.has(node.id)).map((node) => `Node "${node.id}" cannot be reached from the start`);
}

/** Ids of the nodes from which some result can be reached (results included). */
function leadsToResult(flow: Flow): Set<string> {
  const nodes = [...nodeMap(flow).values()];
  const good = new Set(nodes.filter(isResult).map((node) => node.id));
  // Grow the set until no question is added: small flows, so a simple fixed point is clear enough.
  for (let grew = true; grew; ) {
    grew = false;
    for (const node of nodes) {
      if (!good.has(node.id) && targetsOf(node).some((target) => good.has(target))) {
        good.add(node.id);
        grew = true;
      }
    }
  }
  return good;
}

/** Questions from which no answer, however many more are given, ever reaches a result. */
export function deadEnds(flow: Flow): string[] {
  const good = leadsToResult(flow);
  return flow.nodes
    .filter((node) => isQuestion(node) && !good.has(node.id))
    .map((node) => `Question "${node.id}" never leads to a result`);
}

/**
 * Every cycle found by a depth-first search, written "a → b → a". A cycle
 * would let a walk go round for ever and breaks "Your answers".
 */
export function cycles(flow: Flow): string[] {
  const nodes = nodeMap(flow);
  const done = new Set<string>();
  const problems: string[] = [];

  function visit(id: string, trail: string[]): void {
    const node = nodes.get(id);
    if (node === undefined || done.has(id)) return;
    const seenAt = trail.indexOf(id);
    if (seenAt !== -1) {
      problems.push(`Cycle: ${[...trail.slice(seenAt), id].join(' → ')}`);
      return;
    }
    for (const target of targetsOf(node)) visit(target, [...trail, id]);
    done.add(id);
  }

  // Start from every node, not only the start, so cycles among unreachable nodes are found too.
  for (const node of flow.nodes) visit(node.id, []);
  return problems;
}

/** Result contact ids that are not in the contacts file. */
export function unknownContacts(flow: Flow, contactIds: readonly string[]): string[] {
  const known = new Set(contactIds);
  return flow.nodes
    .filter(isResult)
    .flatMap((node) => node.contacts.filter((id) => !known.has(id)).map((id) => `Result "${node.id}" names contact "${id}", which is not in the contacts file`));
}

/** Result guide ids that are not a current (non-archived) guide. */
export function unknownGuides(flow: Flow, guideIds: readonly string[]): string[] {
  const known = new Set(guideIds);
  return flow.nodes
    .filter(isResult)
    .flatMap((node) => node.guides.filter((id) => !known.has(id)).map((id) => `Result "${node.id}" links to guide "${id}", which is not a current guide`));
}

/**
 * Results that cite no source. Advice without a source cannot be checked, and
 * a wrong answer can cost someone their deadline, so this fails the build.
 */
export function unsourcedResults(flow: Flow): string[] {
  return flow.nodes
    .filter(isResult)
    .filter((node) => node.sources.length === 0)
    .map((node) => `Result "${node.id}" has no sources: cite the seed or FACTS.md entry its advice comes from`);
}

/** Result source ids that are not in the flow's list of sources. */
export function unknownSources(flow: Flow): string[] {
  const known = new Set(Object.keys(flow.sources));
  return flow.nodes
    .filter(isResult)
    .flatMap((node) => node.sources.filter((id) => !known.has(id)).map((id) => `Result "${node.id}" cites source "${id}", which is not in the flow's sources`));
}

/** Links written in copy that are neither https, mailto, tel nor a page of this site. */
export function badLinks(flow: Flow): string[] {
  return flow.nodes.flatMap((node) => {
    const texts = isQuestion(node)
      ? [node.question, node.hint ?? '', ...(node.examples ?? []), ...node.answers.flatMap((a) => [a.label, a.hint ?? ''])]
      : [node.summary, ...node.steps, ...node.whatHappensNext, ...node.timeLimits, node.who, node.how, node.byWhen];
    return texts.flatMap(linksIn).filter((href) => !isAllowedHref(href)).map((href) => `Node "${node.id}" links to "${href}", which is not an allowed address`);
  });
}

/** Every graph check together: empty when the flow is sound. */
export function checkFlow(flow: Flow, refs: FlowRefs): string[] {
  return [
    ...unsourcedResults(flow),
    ...unknownSources(flow),
    ...badLinks(flow),
    ...duplicateIds(flow),
    ...missingTargets(flow),
    ...unreachableNodes(flow),
    ...deadEnds(flow),
    ...cycles(flow),
    ...unknownContacts(flow, refs.contactIds),
    ...unknownGuides(flow, refs.guideIds),
  ];
}

/**
 * Every path from the start to a result, in answer order. Tests walk each one,
 * so each result is proved reachable by real answers. A node already on the
 * current path is skipped, so a broken flow with a cycle still terminates.
 */
export function allPathsToResults(flow: Flow): PathToResult[] {
  const nodes = nodeMap(flow);
  const paths: PathToResult[] = [];

  function extend(id: string, nodeIds: string[], answerIds: string[]): void {
    const node = nodes.get(id);
    if (node === undefined || nodeIds.includes(id)) return;
    if (isResult(node)) {
      paths.push({ resultId: id, nodeIds: [...nodeIds, id], answerIds });
      return;
    }
    for (const answer of node.answers) extend(answer.next, [...nodeIds, id], [...answerIds, answer.id]);
  }

  extend(flow.start, [], []);
  return paths;
}

/**
 * Stops the build when the flow has any problem, listing them all. Called by
 * the wizard's page routes, so no page is built from a broken or unsourced flow.
 */
export function assertFlowSound(flow: Flow, refs: FlowRefs): void {
  const problems = checkFlow(flow, refs);
  if (problems.length > 0) throw new Error(`The wizard flow has problems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
