import { describe, it, expect } from 'vitest';
import { loadFlow } from '../../src/lib/flow/load.ts';
import { answerPairs, isResult, toAnswersQuery, walk, walkQuery } from '../../src/lib/flow/engine.ts';
import type { ResultNode } from '../../src/lib/flow/schema.ts';
import { situations, answerIdsOf } from '../support/wizard-situations.ts';

const flow = loadFlow();

describe('what people bring to the wizard', () => {
  it('covers at least 64 situations and every result', () => {
    // 48 before issue 22, which asked for at least 16 more.
    expect(situations.length).toBeGreaterThanOrEqual(64);
    expect(new Set(situations.map((s) => s.says)).size).toBe(situations.length);
    const reached = new Set(situations.map((s) => s.result));
    expect(flow.nodes.filter(isResult).map((n) => n.id).filter((id) => !reached.has(id))).toEqual([]);
  });

  it.each(situations.map((s) => [s.says, s] as const))('%s', (_says, situation) => {
    const walked = walk(flow, answerIdsOf(situation));
    // Each answer belongs to the question the person is shown at that point.
    expect(answerPairs(walked.path).map((p) => `${p.nodeId}:${p.answerId}`)).toEqual(situation.answers);
    expect(walked.current.id).toBe(situation.result);
    // A shared link with these answers shows the same result.
    expect(walkQuery(flow, toAnswersQuery(answerPairs(walked.path))).current.id).toBe(situation.result);
    // Every result names who, how and by when, gives one thing to do, and cites its sources.
    const result = walked.current as ResultNode;
    expect(isResult(result)).toBe(true);
    for (const field of ['who', 'how', 'byWhen'] as const) expect(result[field].trim().length, field).toBeGreaterThan(5);
    expect(result.action.href ?? result.action.address?.join(' ')).toBeTruthy();
    expect(result.sources.length).toBeGreaterThan(0);
    for (const id of result.sources) expect(flow.sources[id], id).toBeDefined();
    const text = [result.title, result.summary, result.who, result.how, result.byWhen, ...result.steps, ...result.whatHappensNext, ...result.timeLimits].join('\n');
    for (const words of situation.mustSay ?? []) expect(text, `${situation.result} should say "${words}"`).toContain(words);
  });
});
