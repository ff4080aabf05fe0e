import { describe, it, expect } from 'vitest';
import { standsAlone } from '../../src/lib/content/standalone-links.ts';

const link = { type: 'link', children: [{ type: 'text', value: 'Read the guide' }] };

describe('stand-alone links', () => {
  it('are the only thing in their paragraph', () => {
    expect(standsAlone({ type: 'paragraph', children: [link] })).toBe(true);
    expect(standsAlone({ type: 'paragraph', children: [{ type: 'text', value: '  ' }, link] })).toBe(true);
  });

  it('do not include links inside a sentence or outside a paragraph', () => {
    expect(standsAlone({ type: 'paragraph', children: [{ type: 'text', value: 'See ' }, link] })).toBe(false);
    expect(standsAlone({ type: 'heading', children: [link] })).toBe(false);
    expect(standsAlone(undefined)).toBe(false);
  });
});
