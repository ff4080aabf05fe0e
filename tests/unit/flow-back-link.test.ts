import { describe, it, expect } from 'vitest';
import { backTarget } from '../../src/lib/flow/back-link.ts';
import { loadFlow } from '../../src/lib/flow/load.ts';
import type { Flow } from '../../src/lib/flow/schema.ts';

const q = (id: string, ...next: string[]) => ({ id, kind: 'question' as const, question: `${id}?`, answers: next.map((n, i) => ({ id: `a${i}`, label: `to ${n}`, next: n })) });
const r = (id: string) => ({ id, kind: 'result' as const, title: id, summary: 'A result.', steps: ['Do it.'], whatHappensNext: [], timeLimits: [], contacts: [], guides: [] });

const diamond = { start: 'start', nodes: [q('start', 'left', 'right'), q('left', 'end', 'other'), q('right', 'end', 'other'), r('end'), r('other')] } as Flow;

describe('the Back link without JavaScript', () => {
  it('goes to the only question that leads to a page', () => {
    expect(backTarget(diamond, 'left')).toBe('start');
  });

  it('goes to the question before both when two questions lead to a page', () => {
    expect(backTarget(diamond, 'end')).toBe('start');
  });

  it('is absent on the first question', () => {
    expect(backTarget(diamond, 'start')).toBeUndefined();
  });

  it('exists for every other page of the real flow and points at a question', () => {
    const flow = loadFlow();
    for (const node of flow.nodes) {
      if (node.id === flow.start) continue;
      const target = backTarget(flow, node.id);
      expect(target, node.id).toBeDefined();
      expect(flow.nodes.find((n) => n.id === target)?.kind, node.id).toBe('question');
    }
  });
});
