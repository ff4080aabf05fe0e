import { describe, it, expect } from 'vitest';
import { loadFlow } from '../../src/lib/flow/load.ts';
import { answerPairs, isResult, toAnswersQuery, walk, walkQuery } from '../../src/lib/flow/engine.ts';
import { situations, answerIdsOf } from '../support/wizard-situations.ts';

const flow = loadFlow();

describe('what people bring to the wizard', () => {
  it('covers at least 40 situations and every result', () => {
    expect(situations.length).toBeGreaterThanOrEqual(40);
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
  });
});
