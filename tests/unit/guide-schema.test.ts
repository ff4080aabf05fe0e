import { describe, it, expect } from 'vitest';
import { guideSchema } from '../../src/lib/schemas/guide.ts';

const valid = {
  title: 'Your right of review',
  summary: 'How to ask for a review of how your complaint was handled.',
  section: 'complaining-about-the-met',
  order: 4,
  lastReviewed: '2026-11-23',
  reviewBy: '2027-05-23',
  archived: false,
  sources: [{ title: 'Police (Complaints and Misconduct) Regulations 2020', url: 'https://legislation.gov.uk/uksi/2020/2/regulation/29', accessed: '2020-01-06' }],
};

function problemPaths(input: unknown): string[] {
  const result = guideSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('guide frontmatter', () => {
  it('accepts a complete guide', () => {
    expect(guideSchema.parse(valid).title).toBe('Your right of review');
  });

  it('reads an unquoted YAML date as the same calendar day', () => {
    const parsed = guideSchema.parse({ ...valid, lastReviewed: new Date('2026-11-23T00:00:00Z') });
    expect(parsed.lastReviewed).toBe('2026-11-23');
  });

  it('names the field when the title is missing', () => {
    const { title: _omitted, ...noTitle } = valid;
    expect(problemPaths(noTitle)).toEqual(['title']);
  });

  it('rejects a section that does not exist', () => {
    expect(problemPaths({ ...valid, section: 'complaints' })).toEqual(['section']);
  });

  it('rejects an impossible date', () => {
    expect(problemPaths({ ...valid, lastReviewed: '2026-02-30' })).toEqual(['lastReviewed']);
  });

  it('rejects a review date that is not after the last review', () => {
    expect(problemPaths({ ...valid, reviewBy: '2026-11-01' })).toEqual(['reviewBy']);
  });

  it('rejects a summary of more than one sentence', () => {
    expect(problemPaths({ ...valid, summary: 'This is one sentence. This is another one.' })).toEqual(['summary']);
  });

  it('needs at least one source, each with a web address', () => {
    expect(problemPaths({ ...valid, sources: [] })).toEqual(['sources']);
    expect(problemPaths({ ...valid, sources: [{ ...valid.sources[0], url: 'not a url' }] })).toEqual(['sources.0.url']);
  });

  it('treats a guide as current unless it says it is archived', () => {
    const { archived: _omitted, ...noFlag } = valid;
    expect(guideSchema.parse(noFlag).archived).toBe(false);
  });
});
