import { describe, it, expect, vi } from 'vitest';
import { glossaryLinksPlugin, linkGlossaryTerms, type GlossaryEntry } from '../../src/lib/content/glossary-links.ts';

const entries: GlossaryEntry[] = [
  { id: 'review', term: 'review', aliases: ['reviews'] },
  { id: 'relevant-review-body', term: 'relevant review body', aliases: [] },
  { id: 'schedule-3', term: 'Schedule 3', aliases: [] },
  { id: 'iopc', term: 'Independent Office for Police Conduct', aliases: ['IOPC'] },
];

interface TestNode {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: TestNode[];
}

const text = (value: string): TestNode => ({ type: 'text', value });
const paragraph = (...children: TestNode[]): TestNode => ({ type: 'paragraph', children });
const root = (...children: TestNode[]): TestNode => ({ type: 'root', children });

function render(node: TestNode): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'link') return `[${(node.children ?? []).map(render).join('')}](${node.url})`;
  return (node.children ?? []).map(render).join(node.type === 'root' ? '\n' : '');
}

describe('glossary links', () => {
  it('link only the first use of a term on the page', () => {
    const tree = root(paragraph(text('Ask for a review. A review is not an investigation.')), paragraph(text('Your review request.')));
    linkGlossaryTerms(tree, entries);
    expect(render(tree)).toBe('Ask for a [review](/glossary/#review). A review is not an investigation.\nYour review request.');
  });

  it('prefer the longest term where two overlap', () => {
    const tree = root(paragraph(text('The relevant review body decides. Then the review ends.')));
    linkGlossaryTerms(tree, entries);
    expect(render(tree)).toBe('The [relevant review body](/glossary/#relevant-review-body) decides. Then the [review](/glossary/#review) ends.');
  });

  it('match whole words only, ignoring case, and keep the original spelling', () => {
    const tree = root(paragraph(text('It was reviewed under SCHEDULE 3 by the iopc.')));
    linkGlossaryTerms(tree, entries);
    expect(render(tree)).toBe('It was reviewed under [SCHEDULE 3](/glossary/#schedule-3) by the [iopc](/glossary/#iopc).');
  });

  it('treat an alias as the same term', () => {
    const tree = root(paragraph(text('The IOPC, or Independent Office for Police Conduct.')));
    expect(linkGlossaryTerms(tree, entries)).toEqual(['iopc']);
    expect(render(tree)).toBe('The [IOPC](/glossary/#iopc), or Independent Office for Police Conduct.');
  });

  it('never link inside headings or existing links', () => {
    const tree = root(
      { type: 'heading', depth: 2, children: [text('Your right of review')] },
      paragraph({ type: 'link', url: '/guides/right-of-review/', children: [text('review guide')] }),
      paragraph(text('Ask for a review.')),
    );
    linkGlossaryTerms(tree, entries);
    expect(render(tree)).toBe('Your right of review\n[review guide](/guides/right-of-review/)\nAsk for a [review](/glossary/#review).');
  });
});

describe('the Markdown plugin', () => {
  const plugin = glossaryLinksPlugin({ entries, pathIncludes: '/src/content/guides/' });

  it('is left out for pages that are not guides', () => {
    expect(plugin({ fileURL: new URL('file:///site/src/content/pages/privacy.mdx') })).toBeNull();
    expect(plugin({ fileURL: undefined })).toBeNull();
  });

  it('starts each guide afresh and replaces a text node with text and a link', () => {
    const replaced: unknown[] = [];
    const ctx = { parent: () => undefined, replaceNode: (_node: object, parts: unknown[]) => replaced.push(parts) };
    for (let page = 0; page < 2; page++) {
      const visitor = plugin({ fileURL: new URL(`file:///site/src/content/guides/page-${page}.mdx`) });
      visitor?.text({ type: 'text', value: 'Ask for a review.' }, ctx);
    }
    expect(replaced).toHaveLength(2);
    expect(replaced[0]).toEqual(replaced[1]);
  });

  it('leaves text inside a heading alone', () => {
    const heading = { type: 'heading' };
    const replaceNode = vi.fn();
    const visitor = plugin({ fileURL: new URL('file:///site/src/content/guides/a.mdx') });
    visitor?.text({ type: 'text', value: 'Your review' }, { parent: (n: object) => (n === heading ? undefined : heading), replaceNode });
    expect(replaceNode).not.toHaveBeenCalled();
  });
});

describe('links per paragraph', () => {
  const busy = 'The IOPC said the review was under Schedule 3, and the relevant review body agreed.';

  it('give one paragraph at most two glossary links, and link a passed-over term at its next use', () => {
    const tree = root(paragraph(text(busy)), paragraph(text('The relevant review body wrote back.')));
    expect(linkGlossaryTerms(tree, entries)).toEqual(['iopc', 'review', 'relevant-review-body']);
    expect(render(tree)).toBe(
      'The [IOPC](/glossary/#iopc) said the [review](/glossary/#review) was under Schedule 3, and the relevant review body agreed.\n' +
        'The [relevant review body](/glossary/#relevant-review-body) wrote back.',
    );
  });

  it('count each list item on its own, and take another limit when given', () => {
    const item = (value: string): TestNode => ({ type: 'listItem', children: [paragraph(text(value))] });
    const tree = root({ type: 'list', children: [item('A review under Schedule 3.'), item('The IOPC.')] });
    expect(linkGlossaryTerms(tree, entries, 1)).toEqual(['review', 'iopc']);
  });

  it('hold in the Markdown plugin too, per enclosing paragraph', () => {
    const plugin = glossaryLinksPlugin({ entries, pathIncludes: '/src/content/guides/' });
    const visitor = plugin({ fileURL: new URL('file:///site/src/content/guides/a.mdx') });
    const first = { type: 'paragraph' };
    const second = { type: 'paragraph' };
    const parents = new Map<object, object>();
    const replaced: unknown[][] = [];
    const ctx = { parent: (n: object) => parents.get(n) as { type: string } | undefined, replaceNode: (_n: object, parts: unknown[]) => replaced.push(parts) };
    // Two text nodes in one paragraph (split by emphasis, say) share its limit.
    const a = { type: 'text' as const, value: 'The IOPC and a review' };
    const b = { type: 'text' as const, value: 'under Schedule 3.' };
    const c = { type: 'text' as const, value: 'Schedule 3 again.' };
    parents.set(a, first).set(b, first).set(c, second);
    visitor?.text(a, ctx);
    visitor?.text(b, ctx);
    visitor?.text(c, ctx);
    const linkCount = (parts: unknown[]) => parts.filter((p) => (p as { type: string }).type === 'link').length;
    expect(replaced.map(linkCount)).toEqual([2, 1]);
  });
});
