import { describe, it, expect, vi, afterEach } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import contactsData from '../../src/content/data/contacts.json';
import flowJson from '../../src/content/flow/where-to-complain.json';
import { flowSchema, type Flow, type FlowNode, type QuestionNode, type ResultNode } from '../../src/lib/flow/schema.ts';
import { loadFlow } from '../../src/lib/flow/load.ts';
import {
  FlowError,
  answerPairs,
  answeredSteps,
  answersBefore,
  isQuestion,
  isResult,
  nextNodeId,
  nodeById,
  parseAnswersQuery,
  toAnswersQuery,
  walk,
  walkQuery,
} from '../../src/lib/flow/engine.ts';
import { nodeHref, nodeIdFromPath, nodePath, wizardBase, embedBase } from '../../src/lib/flow/urls.ts';
import { inlineParts, plainText, linksIn } from '../../src/lib/flow/copy.ts';
import { parseRoutingGraph, routingGraph } from '../../src/lib/flow/routing.ts';
import { situations, answerIdsOf } from '../support/wizard-situations.ts';
import {
  allPathsToResults,
  assertFlowSound,
  badLinks,
  unknownSources,
  unsourcedResults,
  checkFlow,
  cycles,
  deadEnds,
  duplicateIds,
  missingTargets,
  unknownContacts,
  unknownGuides,
  unreachableNodes,
} from '../../src/lib/flow/graph.ts';

const flow = loadFlow();

/** A deep copy each test can break without affecting the others. */
const copy = <T>(value: T): T => structuredClone(value);

const contactIds = contactsData.map((contact) => contact.id);

/** Current guides: every .mdx file whose frontmatter does not say `archived: true`. */
function currentGuideIds(): string[] {
  const dir = new URL('../../src/content/guides/', import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .filter((name) => !/^archived:\s*true\s*$/m.test(readFileSync(new URL(name, dir), 'utf8')))
    .map((name) => name.replace(/\.mdx$/, ''));
}
const guideIds = currentGuideIds();

// ------------------------------------------------------------ small test flows

function question(id: string, answers: readonly (readonly [string, string])[]): QuestionNode {
  return { id, kind: 'question', question: `Question ${id}?`, error: `Select an answer to question ${id}`, answers: answers.map(([answerId, next]) => ({ id: answerId, label: `Answer ${answerId}`, next })) };
}

function result(id: string, refs: { contacts?: string[]; guides?: string[]; sources?: string[] } = {}): ResultNode {
  return {
    id,
    kind: 'result',
    title: `Result ${id}`,
    summary: 'A result used only by the tests.',
    who: 'Someone',
    how: 'By email',
    byWhen: 'Within 28 days.',
    action: { label: 'Do it', href: 'https://example.org/' },
    steps: ['Do this.'],
    whatHappensNext: ['This happens.'],
    timeLimits: [],
    contacts: refs.contacts ?? ['met'],
    guides: refs.guides ?? ['right-of-review'],
    sources: refs.sources ?? ['a-source'],
  };
}

/** first → (a) second → (c) done-c; first → (b) done-b; second → (d) done-b. */
function tinyFlow(...extra: FlowNode[]): Flow {
  return {
    start: 'first',
    sources: { 'a-source': { title: 'A source', url: 'https://example.org/source', accessed: '2026-11-23' } },
    nodes: [question('first', [['a', 'second'], ['b', 'done-b']]), question('second', [['c', 'done-c'], ['d', 'done-b']]), result('done-b'), result('done-c'), ...extra],
  };
}

const refs = { contactIds: ['met'], guideIds: ['right-of-review'] };

// ------------------------------------------------------------------- schema

describe('flow schema', () => {
  function problemPaths(input: unknown): string[] {
    const parsed = flowSchema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
  }

  function firstQuestionIndex(data: typeof flowJson): number {
    return data.nodes.findIndex((node) => node.kind === 'question');
  }

  it('accepts the real flow file', () => {
    expect(problemPaths(flowJson)).toEqual([]);
  });

  it('accepts the small test flow', () => {
    expect(problemPaths(tinyFlow())).toEqual([]);
  });

  it('rejects a question with only one answer', () => {
    const bad = copy(flowJson);
    const index = firstQuestionIndex(bad);
    bad.nodes[index]!.answers = bad.nodes[index]!.answers!.slice(0, 1);
    expect(problemPaths(bad)).toEqual([`nodes.${index}.answers`]);
  });

  it('rejects a question with seven answers', () => {
    const bad = copy(flowJson);
    const index = firstQuestionIndex(bad);
    bad.nodes[index]!.answers = Array.from({ length: 7 }, (_, i) => ({ id: `answer-${i}`, label: `Answer ${i}`, next: 'emergency' }));
    expect(problemPaths(bad)).toEqual([`nodes.${index}.answers`]);
  });

  it('rejects a node id that is not kebab-case', () => {
    const bad = copy(flowJson);
    bad.nodes[1]!.id = 'Bad_Id';
    expect(problemPaths(bad)).toContain('nodes.1.id');
  });

  it('rejects an answer id that is not kebab-case', () => {
    const bad = copy(flowJson);
    bad.nodes[0]!.answers![0]!.id = 'Yes please';
    expect(problemPaths(bad)).toEqual(['nodes.0.answers.0.id']);
  });

  it('rejects a node of an unknown kind', () => {
    const bad = copy(flowJson);
    bad.nodes[1]!.kind = 'maybe';
    expect(problemPaths(bad)).toEqual(['nodes.1.kind']);
  });

  it('rejects fields it does not know, so typos are not silently ignored', () => {
    const bad = copy(flowJson) as { nodes: Record<string, unknown>[] };
    bad.nodes[0]!['questoin'] = 'Typo?';
    expect(problemPaths(bad)).toEqual(['nodes.0']);
  });

  it('rejects two answers with the same id in one question', () => {
    const bad = tinyFlow();
    const first = bad.nodes[0] as QuestionNode;
    first.answers[1]!.id = 'a';
    expect(problemPaths(bad)).toEqual(['nodes.0.answers.1.id']);
  });

  it('rejects a question that does not end with a question mark', () => {
    const bad = copy(flowJson);
    bad.nodes[0]!.question = 'Tell us if someone is in danger';
    expect(problemPaths(bad)).toEqual(['nodes.0.question']);
  });

  it('rejects a start that is not a node', () => {
    expect(problemPaths({ ...tinyFlow(), start: 'nowhere' })).toEqual(['start']);
  });
});

describe('loading the flow', () => {
  afterEach(() => {
    vi.doUnmock('../../src/content/flow/where-to-complain.json');
    vi.resetModules();
  });

  it('names the file and the field when the file is wrong', async () => {
    const bad = copy(flowJson);
    bad.nodes[0]!.answers![0]!.next = 'Not An Id';
    vi.resetModules();
    vi.doMock('../../src/content/flow/where-to-complain.json', () => ({ default: bad }));
    const { loadFlow: loadBadFlow } = await import('../../src/lib/flow/load.ts');
    expect(() => loadBadFlow()).toThrow(/src\/content\/flow\/where-to-complain\.json[\s\S]*nodes\.0\.answers\.0\.next/);
  });
});

// ------------------------------------------------------------------- engine

describe('flow engine', () => {
  it('finds a node by id, and nothing for an unknown id', () => {
    expect(nodeById(flow, 'emergency')?.kind).toBe('result');
    expect(nodeById(flow, 'no-such-node')).toBeUndefined();
  });

  it('tells questions from results', () => {
    const start = nodeById(flow, flow.start)!;
    expect(isQuestion(start)).toBe(true);
    expect(isResult(start)).toBe(false);
  });

  it('follows an answer to the next node', () => {
    expect(nextNodeId(tinyFlow(), 'first', 'a')).toBe('second');
    expect(nextNodeId(flow, 'urgent', 'no')).toBe('about');
  });

  it('gives a clear error for an unknown node', () => {
    expect(() => nextNodeId(tinyFlow(), 'nowhere', 'a')).toThrow(new FlowError('There is no node "nowhere" in the flow'));
  });

  it('gives a clear error for an answer the question does not have', () => {
    expect(() => nextNodeId(tinyFlow(), 'first', 'z')).toThrow('Question "first" has no answer "z". Its answers are "a", "b"');
  });

  it('gives a clear error for an answer on a result', () => {
    expect(() => nextNodeId(tinyFlow(), 'done-b', 'a')).toThrow('"done-b" is a result');
  });

  it('walks answers from the start and records the path', () => {
    const { path, current } = walk(tinyFlow(), ['a', 'c']);
    expect(current.id).toBe('done-c');
    expect(path.map((step) => [step.node.id, step.answer?.id])).toEqual([
      ['first', 'a'],
      ['second', 'c'],
      ['done-c', undefined],
    ]);
  });

  it('stays on the start question when there are no answers', () => {
    const { path, current } = walk(flow, []);
    expect(current.id).toBe(flow.start);
    expect(path).toHaveLength(1);
  });

  it('throws on an answer that does not fit the question reached', () => {
    expect(() => walk(tinyFlow(), ['a', 'b'])).toThrow(FlowError);
  });

  it('throws on answers given after a result', () => {
    expect(() => walk(tinyFlow(), ['b', 'c'])).toThrow('"done-b" is a result');
  });

  it('lists the answered questions for "Your answers"', () => {
    const steps = answeredSteps(walk(tinyFlow(), ['a', 'd']).path);
    expect(steps.map((step) => `${step.node.question} ${step.answer.label}`)).toEqual(['Question first? Answer a', 'Question second? Answer d']);
  });
});

describe('answers in the URL', () => {
  const tiny = tinyFlow();
  const pairs = answerPairs(walk(tiny, ['a', 'c']).path);

  it('writes answers as question:answer pairs', () => {
    expect(toAnswersQuery(pairs)).toBe('?a=first:a,second:c');
    expect(toAnswersQuery([])).toBe('');
  });

  it('reads back the answers it wrote', () => {
    expect(parseAnswersQuery(tiny, toAnswersQuery(pairs))).toEqual(['a', 'c']);
  });

  it('reads a query with or without "?", encoded or not, or as URLSearchParams', () => {
    expect(parseAnswersQuery(tiny, 'a=first:a,second:c')).toEqual(['a', 'c']);
    expect(parseAnswersQuery(tiny, '?a=first%3Aa%2Csecond%3Ac')).toEqual(['a', 'c']);
    expect(parseAnswersQuery(tiny, new URLSearchParams({ a: 'first:a,second:c' }))).toEqual(['a', 'c']);
  });

  it('round-trips a real journey', () => {
    const answerIds = ['no', 'existing', 'outcome', 'yes', 'mopac'];
    const query = toAnswersQuery(answerPairs(walk(flow, answerIds).path));
    expect(query).toBe('?a=urgent:no,about:existing,complaint-stage:outcome,recorded:yes,review-body:mopac');
    expect(walkQuery(flow, query).current.id).toBe('review-by-mopac');
  });

  it.each([
    ['an empty query', '', []],
    ['no answers parameter', '?x=1', []],
    ['junk', '?a=%%%,<script>,::', []],
    ['an unknown answer after a good one', '?a=first:a,second:zzz', ['a']],
    ['an answer for the wrong question', '?a=second:c', []],
    ['answers after a result', '?a=first:b,second:c', ['b']],
    ['spaces and upper case', '?a=first:a, SECOND:C', ['a']],
    ['a malformed pair', '?a=first-a', []],
    ['a very long list', `?a=${'first:a,'.repeat(10_000)}`, ['a']],
  ])('ignores %s and keeps the longest valid start', (_name, query, expected) => {
    expect(parseAnswersQuery(tiny, query)).toEqual(expected);
    expect(() => walkQuery(tiny, query)).not.toThrow();
  });

  it('builds "Change" links from the answers before a question', () => {
    expect(answersBefore(pairs, 'second')).toEqual([{ nodeId: 'first', answerId: 'a' }]);
    expect(nodeHref(wizardBase, 'second', 'first', answersBefore(pairs, 'second'))).toBe('/where-to-complain/second/?a=first:a');
    // The start's page is the wizard's own address.
    expect(nodeHref(wizardBase, 'first', 'first', answersBefore(pairs, 'first'))).toBe('/where-to-complain/');
    expect(nodeHref(embedBase, 'second', 'first', pairs.slice(0, 1))).toBe('/embed/where-to-complain/second/?a=first:a');
  });

  it('reads the node back from a page address, the inverse of nodePath', () => {
    for (const base of [wizardBase, embedBase]) {
      for (const node of flow.nodes) expect(nodeIdFromPath(base, nodePath(base, node.id, flow.start), flow.start)).toBe(node.id);
      expect(nodeIdFromPath(base, base.slice(0, -1) + '/', flow.start)).toBe(flow.start);
    }
    expect(nodeIdFromPath(wizardBase, '/somewhere-else/', flow.start)).toBe(flow.start);
  });
});

// -------------------------------------------------------------------- graph

describe('the real flow as a graph', () => {
  it('has no problems', () => {
    expect(checkFlow(flow, { contactIds, guideIds })).toEqual([]);
  });

  it('leaves the archived guide out of the known guides', () => {
    expect(guideIds).toContain('complain-about-the-met');
    expect(guideIds).not.toContain('reward-and-resolution-2009');
  });

  it('never links the archived guide, not even in its copy', () => {
    expect(JSON.stringify(flowJson)).not.toContain('reward-and-resolution');
  });

  it('asks about urgency first, and its first answer is the emergency result', () => {
    const start = nodeById(flow, flow.start) as QuestionNode;
    expect(start.question).toBe('Is someone in danger or is a crime happening now?');
    const emergency = walk(flow, [start.answers[0]!.id]).current as ResultNode;
    expect(emergency.id).toBe('emergency');
    expect(emergency.urgent).toBe(true);
  });
});

describe('graph checks catch a broken flow', () => {
  it('finds nothing wrong with the small flow', () => {
    expect(checkFlow(tinyFlow(), refs)).toEqual([]);
  });

  it('finds an unreachable node', () => {
    expect(unreachableNodes(tinyFlow(result('orphan')))).toEqual(['Node "orphan" cannot be reached from the start']);
  });

  it('finds a cycle', () => {
    const looping = tinyFlow(question('loop-a', [['x', 'loop-b'], ['y', 'done-b']]), question('loop-b', [['x', 'loop-a'], ['y', 'done-c']]));
    expect(cycles(looping)).toEqual(['Cycle: loop-a → loop-b → loop-a']);
  });

  it('finds a question that never leads to a result', () => {
    const stuck = tinyFlow(question('stuck-a', [['x', 'stuck-b'], ['y', 'stuck-b']]), question('stuck-b', [['x', 'stuck-a'], ['y', 'stuck-a']]));
    expect(deadEnds(stuck)).toEqual(['Question "stuck-a" never leads to a result', 'Question "stuck-b" never leads to a result']);
  });

  it('finds an answer that leads to a missing node', () => {
    const broken = tinyFlow();
    (broken.nodes[1] as QuestionNode).answers[0]!.next = 'gone';
    expect(missingTargets(broken)).toEqual(['Answer "c" of question "second" leads to "gone", which is not a node']);
  });

  it('finds an unknown contact', () => {
    const broken = tinyFlow(result('extra', { contacts: ['met', 'nobody'] }));
    expect(unknownContacts(broken, refs.contactIds)).toEqual(['Result "extra" names contact "nobody", which is not in the contacts file']);
  });

  it('finds an unknown or archived guide', () => {
    const broken = tinyFlow(result('extra', { guides: ['reward-and-resolution-2009'] }));
    expect(unknownGuides(broken, refs.guideIds)).toEqual(['Result "extra" links to guide "reward-and-resolution-2009", which is not a current guide']);
  });

  it('finds a duplicate node id', () => {
    expect(duplicateIds(tinyFlow(result('done-b')))).toEqual(['Node id "done-b" is used 2 times']);
  });

  it('finds a result with no sources, so the build fails', () => {
    const broken = tinyFlow();
    (broken.nodes[2] as ResultNode).sources = [];
    expect(unsourcedResults(broken)).toEqual(['Result "done-b" has no sources: cite the seed or FACTS.md entry its advice comes from']);
    expect(() => assertFlowSound(broken, refs)).toThrow(/The wizard flow has problems:[\s\S]*"done-b" has no sources/);
    expect(() => assertFlowSound(tinyFlow(), refs)).not.toThrow();
  });

  it('finds a source id that is not in the list of sources', () => {
    expect(unknownSources(tinyFlow(result('extra', { sources: ['nowhere'] })))).toEqual(['Result "extra" cites source "nowhere", which is not in the flow\'s sources']);
  });

  it('finds a link to an address that is not allowed', () => {
    const broken = tinyFlow();
    (broken.nodes[2] as ResultNode).steps = ['[Click here](javascript:alert(1)) now.', '[Fine](https://example.org/) and [also fine](/guides/x/).'];
    expect(badLinks(broken)).toEqual(['Node "done-b" links to "javascript:alert(1", which is not an allowed address']);
  });

  it('lists every problem at once', () => {
    const broken = tinyFlow(result('orphan', { contacts: ['nobody'] }));
    expect(checkFlow(broken, refs)).toHaveLength(2);
  });

  it('still finds paths in a flow with a cycle, without looping for ever', () => {
    const looping: Flow = { start: 'p', sources: tinyFlow().sources, nodes: [question('p', [['x', 'q'], ['y', 'end']]), question('q', [['x', 'p'], ['y', 'end']]), result('end')] };
    expect(allPathsToResults(looping).map((path) => path.answerIds.join(','))).toEqual(['x,y', 'y']);
  });
});

// ------------------------------------------------------------ every result

describe('every result can be reached', () => {
  const paths = allPathsToResults(flow);
  const resultIds = flow.nodes.filter(isResult).map((node) => node.id);

  it.each(resultIds)('reaches "%s" by walking from the start', (resultId) => {
    const toThis = paths.filter((path) => path.resultId === resultId);
    expect(toThis.length).toBeGreaterThan(0);
    for (const path of toThis) {
      const walked = walk(flow, path.answerIds);
      expect(walked.current.id).toBe(resultId);
      expect(isResult(walked.current)).toBe(true);
      // The no-JavaScript page rebuilds the same walk from its URL.
      expect(walkQuery(flow, toAnswersQuery(answerPairs(walked.path))).current.id).toBe(resultId);
    }
  });
});

// --------------------------------------------------------------------- copy

describe('flow copy', () => {
  /** All text a reader sees on the wizard's pages. */
  function copyOf(node: FlowNode): string[] {
    if (isQuestion(node)) return [node.question, node.hint ?? '', ...(node.examples ?? []), node.error, ...node.answers.flatMap((answer) => [answer.label, answer.hint ?? ''])];
    return [node.title, node.summary, node.who, node.how, node.byWhen, ...node.steps, ...node.whatHappensNext, ...node.timeLimits].map(plainText);
  }

  const sentences = flow.nodes.flatMap((node) =>
    copyOf(node)
      .flatMap((text) => text.split(/(?<=[.!?])\s+/))
      .filter((sentence) => sentence.trim() !== '')
      .map((sentence) => [node.id, sentence] as const),
  );

  it('keeps every sentence to 20 words or fewer', () => {
    const long = sentences.filter(([, sentence]) => sentence.split(/\s+/).length > 20);
    expect(long).toEqual([]);
  });

  it('gives every result something to do and somewhere to go', () => {
    const empty = flow.nodes.filter(isResult).filter((node) => node.steps.length === 0 || node.contacts.length + node.guides.length === 0);
    expect(empty.map((node) => node.id)).toEqual([]);
  });
});

describe('every result answers who, how and by when, with a main action and sources', () => {
  it.each(flow.nodes.filter(isResult).map((node) => [node.id, node] as const))('"%s"', (_id, node) => {
    expect(node.who.length).toBeGreaterThan(2);
    expect(node.how.length).toBeGreaterThan(2);
    expect(node.byWhen.length).toBeGreaterThan(2);
    expect(node.action.href ?? node.action.address).toBeDefined();
    expect(node.sources.length).toBeGreaterThan(0);
    for (const id of node.sources) expect(flow.sources[id], id).toBeDefined();
  });

  it('makes "Make your complaint on the Met website" a link to the Met', () => {
    const met = nodeById(flow, 'complain-to-the-met') as ResultNode;
    expect(inlineParts(met.steps[0]!)[0]).toEqual({ text: 'Make your complaint on the Met website', href: 'https://www.met.police.uk/' });
  });

  it('error messages name the question, GOV.UK style', () => {
    expect((nodeById(flow, 'urgent') as QuestionNode).error).toBe('Select yes if someone is in danger or a crime is happening now');
    for (const node of flow.nodes.filter(isQuestion)) expect(node.error, node.id).not.toBe('Select an answer');
  });
});

describe('links inside copy', () => {
  it('splits text into plain runs and links', () => {
    expect(inlineParts('Go [to the Met](https://www.met.police.uk/) now.')).toEqual([
      { text: 'Go ' },
      { text: 'to the Met', href: 'https://www.met.police.uk/' },
      { text: ' now.' },
    ]);
    expect(inlineParts('No links here.')).toEqual([{ text: 'No links here.' }]);
  });

  it('gives the words a reader sees, and the addresses', () => {
    const text = '[Email us](mailto:a@b.org) or [call](tel:101).';
    expect(plainText(text)).toBe('Email us or call.');
    expect(linksIn(text)).toEqual(['mailto:a@b.org', 'tel:101']);
  });
});

describe('the routing graph the browser loads', () => {
  const graph = routingGraph(flow);

  it('holds no result copy, only ids', () => {
    const emergency = graph.nodes.find((node) => node.id === 'emergency');
    expect(emergency).toEqual({ id: 'emergency', kind: 'result' });
    expect(JSON.stringify(graph)).not.toContain('Call 999 now');
  });

  it('survives the trip through JSON and leads every path to the same node as the full flow', () => {
    const parsed = parseRoutingGraph(JSON.parse(JSON.stringify(graph)));
    expect(parsed).toBeDefined();
    for (const path of allPathsToResults(flow)) expect(walk(parsed!, path.answerIds).current.id).toBe(path.resultId);
  });

  it.each([
    ['null', null],
    ['a string', 'flow'],
    ['no nodes', { start: 'urgent' }],
    ['a question without answers', { start: 'q', nodes: [{ id: 'q', kind: 'question', question: 'Q?' }] }],
    ['an answer without a label', { start: 'q', nodes: [{ id: 'q', kind: 'question', question: 'Q?', answers: [{ id: 'a', next: 'r' }] }, { id: 'r', kind: 'result' }] }],
  ])('refuses %s', (_name, data) => {
    expect(parseRoutingGraph(data)).toBeUndefined();
  });
});

describe('the wizard island', () => {
  /** Modules a file loads at run time: `import type` and `import { type X }`-only lines are erased by the compiler. */
  function runtimeImports(file: URL): URL[] {
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(/^import\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)'/gm)]
      .filter(([, names]) => !/^\{\s*(type\s+\w+\s*,?\s*)+\}$/.test(names!))
      .map(([, , specifier]) => new URL(specifier!, file));
  }

  it('drives from the pure flow modules and nothing that loads content or schemas', () => {
    const seen = new Set<string>();
    const queue = [new URL('../../src/islands/wizard.ts', import.meta.url)];
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      for (const dep of runtimeImports(file)) {
        if (!seen.has(dep.href)) {
          seen.add(dep.href);
          if (dep.protocol === 'file:') queue.push(dep);
        }
      }
    }
    const names = [...seen].map((href) => href.replace(/^.*\/src\//, 'src/')).sort();
    expect(names).toEqual(['src/lib/flow/engine.ts', 'src/lib/flow/routing.ts', 'src/lib/flow/urls.ts']);
  });
});
