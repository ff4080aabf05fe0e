/**
 * Pure routing for the wizard. Pages, the island and the embed all use these
 * functions, so a given list of answers always leads to the same page.
 *
 * Two kinds of input are treated differently on purpose:
 * - answers chosen in code (tests, pages built from the flow) must be valid, so
 *   `nextNodeId` and `walk` throw a clear error when they are not;
 * - answers read from a URL come from users and may be stale or edited, so
 *   `parseAnswersQuery` never throws and keeps only what still makes sense.
 *
 * The functions need only the routing: ids, questions, answer labels and where
 * each answer leads. They accept the full flow (server and tests) or the small
 * routing graph the browser loads (see routing.ts), so this module imports
 * types only and the island can bundle it without the schemas.
 */

export interface GraphAnswer {
  readonly id: string;
  readonly label: string;
  readonly next: string;
}
export interface GraphQuestion {
  readonly id: string;
  readonly kind: 'question';
  readonly question: string;
  readonly answers: readonly GraphAnswer[];
}
export interface GraphResult {
  readonly id: string;
  readonly kind: 'result';
}
export type GraphNode = GraphQuestion | GraphResult;
export interface FlowGraph<N extends GraphNode = GraphNode> {
  readonly start: string;
  readonly nodes: readonly N[];
}

type QuestionOf<N extends GraphNode> = Extract<N, { kind: 'question' }>;
type ResultOf<N extends GraphNode> = Extract<N, { kind: 'result' }>;
type AnswerOf<N extends GraphNode> = QuestionOf<N>['answers'][number];

/** One node on the way through the flow, with the answer chosen there (none on the current node). */
export interface PathStep<N extends GraphNode = GraphNode> {
  readonly node: N;
  readonly answer?: AnswerOf<N>;
}

/** A question and the answer given to it: one line of "Your answers". */
export interface AnsweredStep<N extends GraphNode = GraphNode> {
  readonly node: QuestionOf<N>;
  readonly answer: AnswerOf<N>;
}

export interface Walk<N extends GraphNode = GraphNode> {
  /** Every node from the start to the current node, inclusive. */
  readonly path: readonly PathStep<N>[];
  /** The node to show now: the next question, or a result. */
  readonly current: N;
}

/** The form an answer takes in a URL: which question, which answer. */
export interface AnswerPair {
  readonly nodeId: string;
  readonly answerId: string;
}

export class FlowError extends Error {
  override name = 'FlowError';
}

/** The query parameter that carries the answers so far. */
export const ANSWERS_PARAM = 'a';

export function isQuestion<N extends GraphNode>(node: N): node is QuestionOf<N> {
  return node.kind === 'question';
}

export function isResult<N extends GraphNode>(node: N): node is ResultOf<N> {
  return node.kind === 'result';
}

/** The node with this id, or undefined (for example, an id typed into a URL). */
export function nodeById<N extends GraphNode>(flow: FlowGraph<N>, id: string): N | undefined {
  return flow.nodes.find((node) => node.id === id);
}

/** Like nodeById, for ids that must exist: throws a FlowError naming the id. */
export function requireNode<N extends GraphNode>(flow: FlowGraph<N>, id: string): N {
  const node = nodeById(flow, id);
  if (node === undefined) throw new FlowError(`There is no node "${id}" in the flow`);
  return node;
}

export function startNode<N extends GraphNode>(flow: FlowGraph<N>): N {
  return requireNode(flow, flow.start);
}

export function results<N extends GraphNode>(flow: FlowGraph<N>): ResultOf<N>[] {
  return flow.nodes.filter(isResult);
}

export function questions<N extends GraphNode>(flow: FlowGraph<N>): QuestionOf<N>[] {
  return flow.nodes.filter(isQuestion);
}

function answerOf<N extends GraphNode>(node: QuestionOf<N>, answerId: string): AnswerOf<N> | undefined {
  return (node.answers as readonly AnswerOf<N>[]).find((answer) => answer.id === answerId);
}

/** The answer with this id on a question, or a FlowError listing the answers it does have. */
function requireAnswer<N extends GraphNode>(node: N, answerId: string): AnswerOf<N> {
  if (!isQuestion(node)) {
    throw new FlowError(`"${node.id}" is a result, so it has no answer "${answerId}"`);
  }
  const answer = answerOf<N>(node, answerId);
  if (answer === undefined) {
    const known = node.answers.map((a) => `"${a.id}"`).join(', ');
    throw new FlowError(`Question "${node.id}" has no answer "${answerId}". Its answers are ${known}`);
  }
  return answer;
}

/** Where an answer leads. Throws a FlowError for an unknown node or answer. */
export function nextNodeId(flow: FlowGraph, nodeId: string, answerId: string): string {
  return requireAnswer(requireNode(flow, nodeId), answerId).next;
}

/**
 * Follows answer ids from the start. Throws a FlowError when an answer does not
 * belong to the question reached, or when answers go on past a result.
 */
export function walk<N extends GraphNode>(flow: FlowGraph<N>, answerIds: readonly string[]): Walk<N> {
  const path: PathStep<N>[] = [];
  let current = startNode(flow);
  for (const answerId of answerIds) {
    const answer = requireAnswer(current, answerId);
    path.push({ node: current, answer });
    current = requireNode(flow, answer.next);
  }
  path.push({ node: current });
  return { path, current };
}

/** The answered questions on a walk, in order: what "Your answers" lists. */
export function answeredSteps<N extends GraphNode>(path: readonly PathStep<N>[]): AnsweredStep<N>[] {
  const answered: AnsweredStep<N>[] = [];
  for (const step of path) {
    if (step.answer !== undefined && isQuestion(step.node)) answered.push({ node: step.node, answer: step.answer });
  }
  return answered;
}

/** The answers on a walk as (question, answer) pairs, ready for a URL. */
export function answerPairs(path: readonly PathStep<GraphNode>[]): AnswerPair[] {
  return answeredSteps(path).map((step) => ({ nodeId: step.node.id, answerId: step.answer.id }));
}

/**
 * The answers as a query string, e.g. "?a=urgent:no,about:met", or "" for none.
 * The question id travels with each answer so a page can list "Your answers"
 * from the URL alone, and so a stale link stops at the first answer that no
 * longer fits. Ids are kebab-case, so ":" and "," never need escaping.
 */
export function toAnswersQuery(pairs: readonly AnswerPair[]): string {
  if (pairs.length === 0) return '';
  return `?${ANSWERS_PARAM}=${pairs.map((p) => `${p.nodeId}:${p.answerId}`).join(',')}`;
}

/** The answers given before a question: the query for its "Change" link. */
export function answersBefore(pairs: readonly AnswerPair[], nodeId: string): AnswerPair[] {
  const index = pairs.findIndex((pair) => pair.nodeId === nodeId);
  return index === -1 ? [...pairs] : pairs.slice(0, index);
}

/** The raw value of the answers parameter, whatever form the query came in. */
function answersParam(query: string | URLSearchParams): string {
  const params = typeof query === 'string' ? new URLSearchParams(query.startsWith('?') ? query.slice(1) : query) : query;
  return params.get(ANSWERS_PARAM) ?? '';
}

/** "node:answer" as a pair, or undefined when it is not in that shape. */
function parsePair(item: string): AnswerPair | undefined {
  const match = /^([a-z0-9-]+):([a-z0-9-]+)$/.exec(item.trim());
  if (match === null) return undefined;
  const [, nodeId, answerId] = match;
  return nodeId === undefined || answerId === undefined ? undefined : { nodeId, answerId };
}

/**
 * Reads answer ids from a user's URL query. Never throws: it keeps the longest
 * run of answers from the start that still fit the flow and drops the rest, so
 * an old bookmark or an edited link shows the last question that makes sense.
 * The result can be passed straight to `walk`.
 */
export function parseAnswersQuery(flow: FlowGraph, query: string | URLSearchParams): string[] {
  // URLSearchParams never throws: bad percent-escapes are kept as plain text and fail the pair check below.
  const raw = answersParam(query);
  const answerIds: string[] = [];
  let current = nodeById(flow, flow.start);
  // A walk can visit each node at most once, so this also bounds very long input.
  for (const item of raw.split(',').slice(0, flow.nodes.length)) {
    const pair = parsePair(item);
    if (current === undefined || !isQuestion(current) || pair === undefined || pair.nodeId !== current.id) break;
    const answer = answerOf(current, pair.answerId);
    if (answer === undefined) break;
    answerIds.push(answer.id);
    current = nodeById(flow, answer.next);
  }
  return current === undefined ? answerIds.slice(0, -1) : answerIds;
}

/** The walk described by a user's URL query: never throws on what the user sent. */
export function walkQuery<N extends GraphNode>(flow: FlowGraph<N>, query: string | URLSearchParams): Walk<N> {
  return walk(flow, parseAnswersQuery(flow, query));
}
