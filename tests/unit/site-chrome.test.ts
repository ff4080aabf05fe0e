import { describe, it, expect } from 'vitest';
import { pageTitle, serviceName } from '../../src/lib/site.ts';
import { alphabetical, guidesInSection } from '../../src/lib/content/guides.ts';
import { sections } from '../../src/lib/content/sections.ts';
import { sectionIds, type Guide } from '../../src/lib/schemas/guide.ts';

describe('page titles', () => {
  it('put the page name before the service name', () => {
    expect(pageTitle('Your right of review')).toBe(`Your right of review - ${serviceName}`);
  });

  it('use the service name alone for the home page', () => {
    expect(pageTitle(serviceName)).toBe(serviceName);
  });
});

describe('sections', () => {
  it('cover every section a guide may name, once each', () => {
    expect(sections.map((s) => s.id).sort()).toEqual([...sectionIds].sort());
  });
});

const guide = (id: string, data: Partial<Guide>) => ({
  id,
  data: { title: id, summary: 's.', section: 'help', order: 0, lastReviewed: '2026-01-01', reviewBy: '2027-01-01', archived: false, sources: [], ...data } as Guide,
});

describe('guide lists', () => {
  it('order a section by its order field, with archived pages last', () => {
    const list = [
      guide('old', { order: 0, archived: true }),
      guide('second', { order: 2 }),
      guide('first', { order: 1 }),
      guide('elsewhere', { section: 'archive' }),
    ];
    expect(guidesInSection(list, 'help').map((g) => g.id)).toEqual(['first', 'second', 'old']);
  });

  it('sort A to Z ignoring a leading "The"', () => {
    const sorted = alphabetical([{ title: 'Privacy' }, { title: 'The Commissioner' }, { title: 'archive' }]);
    expect(sorted.map((e) => e.title)).toEqual(['archive', 'The Commissioner', 'Privacy']);
  });
});
