/**
 * A remark plugin that links the first use of each glossary term on a page to
 * its definition on /glossary/. It works on the Markdown tree, so authors never
 * write glossary links by hand and the glossary data stays the one source.
 *
 * Each term is linked once per page, and one paragraph (or list item, or table
 * cell) gets at most `maxPerBlock` glossary links: a sentence dense with links is
 * hard to read, and noisy in a screen reader's or voice control's list of links.
 * A term passed over in a busy paragraph is linked at its next use instead.
 */

export interface GlossaryEntry {
  id: string;
  term: string;
  aliases: readonly string[];
}

// The few mdast shapes this plugin touches; kept local so src/lib needs no Markdown packages.
interface TextNode {
  type: 'text';
  value: string;
}
interface LinkNode {
  type: 'link';
  url: string;
  title: null;
  children: TextNode[];
  data: { hProperties: { className: string[] } };
}
interface ParentNode {
  type: string;
  children?: MdNode[];
}
type MdNode = TextNode | LinkNode | ParentNode;

/** Inside these, a link would be wrong (headings, existing links) or invalid (code, JSX). */
const skippedParents = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'definition']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface TermMatcher {
  pattern: RegExp;
  idFor: (matched: string) => string | undefined;
}

/** One regular expression for every spelling, longest first, so "relevant review body" wins over "review". */
export function termMatcher(entries: readonly GlossaryEntry[]): TermMatcher {
  const idBySpelling = new Map<string, string>();
  for (const entry of entries) {
    for (const spelling of [entry.term, ...entry.aliases]) idBySpelling.set(spelling.toLocaleLowerCase('en-GB'), entry.id);
  }
  const spellings = [...idBySpelling.keys()].sort((a, b) => b.length - a.length);
  // Word boundaries that also respect apostrophes and hyphens, so "review" does not match "reviewed" or "pre-review".
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${spellings.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}-]|['’][\\p{L}])`, 'giu');
  return { pattern, idFor: (matched) => idBySpelling.get(matched.toLocaleLowerCase('en-GB')) };
}

function glossaryLink(id: string, text: string): LinkNode {
  return {
    type: 'link',
    url: `/glossary/#${id}`,
    title: null,
    children: [{ type: 'text', value: text }],
    data: { hProperties: { className: ['glossary-link'] } },
  };
}

/** The most glossary links one paragraph, list item or table cell gets, unless told otherwise. */
export const defaultMaxPerBlock = 2;

/** The Markdown nodes that count as one block of reading for `maxPerBlock`. */
const blockTypes = new Set(['paragraph', 'listItem', 'tableCell']);

/** How many glossary links a block already has. */
interface BlockCount {
  links: number;
}

/** Splits one text node around the first unlinked terms it contains, while its block has room. */
function linkTermsInText(node: TextNode, matcher: TermMatcher, linked: Set<string>, block: BlockCount, maxPerBlock: number): MdNode[] {
  const out: MdNode[] = [];
  let cursor = 0;
  matcher.pattern.lastIndex = 0;
  for (let match = matcher.pattern.exec(node.value); match; match = matcher.pattern.exec(node.value)) {
    if (block.links >= maxPerBlock) break;
    const id = matcher.idFor(match[0]);
    if (!id || linked.has(id)) continue;
    linked.add(id);
    block.links++;
    if (match.index > cursor) out.push({ type: 'text', value: node.value.slice(cursor, match.index) });
    out.push(glossaryLink(id, match[0]));
    cursor = match.index + match[0].length;
  }
  if (cursor === 0) return [node];
  if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) });
  return out;
}

function visit(parent: ParentNode, matcher: TermMatcher, linked: Set<string>, block: BlockCount, maxPerBlock: number): void {
  if (!parent.children || skippedParents.has(parent.type)) return;
  parent.children = parent.children.flatMap((child) => {
    if (child.type === 'text') return linkTermsInText(child as TextNode, matcher, linked, block, maxPerBlock);
    visit(child as ParentNode, matcher, linked, blockTypes.has(child.type) ? { links: 0 } : block, maxPerBlock);
    return [child];
  });
}

/** Links the first use of each term in a Markdown tree, in reading order. Returns the ids it linked. */
export function linkGlossaryTerms(tree: ParentNode, entries: readonly GlossaryEntry[], maxPerBlock = defaultMaxPerBlock): string[] {
  const linked = new Set<string>();
  visit(tree, termMatcher(entries), linked, { links: 0 }, maxPerBlock);
  return [...linked];
}

export interface GlossaryPluginOptions {
  entries: readonly GlossaryEntry[];
  /** Only files whose path contains this are linked (guides, not site pages). */
  pathIncludes: string;
  /** The most glossary links in one paragraph, list item or table cell (default 2). */
  maxPerBlock?: number;
}

/** The parts of Sätteri's plugin context this plugin uses. */
interface VisitorContext {
  parent(node: object): { type: string } | undefined;
  replaceNode(node: object, replacement: MdNode[]): void;
}

function isInsideSkippedParent(node: object, ctx: VisitorContext): boolean {
  for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent)) {
    if (skippedParents.has(parent.type)) return true;
  }
  return false;
}

/** The nearest paragraph, list item or table cell around a node (the tree's root when there is none). */
function enclosingBlock(node: object, ctx: VisitorContext): object | undefined {
  let last: object | undefined;
  for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent)) {
    if (blockTypes.has(parent.type)) return parent;
    last = parent;
  }
  return last;
}

/**
 * The Markdown plugin for Astro's default processor (Sätteri): a factory called
 * once per document, so each page starts with no term linked. Visitors run in
 * reading order, so the first use of a term is the one linked.
 */
export function glossaryLinksPlugin(options: GlossaryPluginOptions) {
  const matcher = termMatcher(options.entries);
  return (document: { fileURL: URL | undefined }) => {
    if (!document.fileURL?.pathname.includes(options.pathIncludes)) return null;
    const linked = new Set<string>();
    const maxPerBlock = options.maxPerBlock ?? defaultMaxPerBlock;
    // Counted per block node; a text node with no block around it counts on its own.
    const counts = new WeakMap<object, BlockCount>();
    return {
      name: 'glossary-links',
      text(node: TextNode, ctx: VisitorContext) {
        if (isInsideSkippedParent(node, ctx)) return;
        const blockNode = enclosingBlock(node, ctx) ?? node;
        const block = counts.get(blockNode) ?? { links: 0 };
        counts.set(blockNode, block);
        const parts = linkTermsInText(node, matcher, linked, block, maxPerBlock);
        if (parts[0] !== node) ctx.replaceNode(node, parts);
      },
    };
  };
}
