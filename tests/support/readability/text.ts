/**
 * The words a reader sees, as plain text with one block (heading, paragraph, list item, table
 * cell) per paragraph, so a heading is never glued to the sentence after it. Both inputs go
 * through a real parser (satteri, the MDX and HTML parser Astro's markdown uses) into one HTML
 * tree, and one walker reads that tree.
 */
import { htmlToHast, mdxToHast } from 'satteri';

/** The shape of the hast nodes this walker reads (satteri's trees follow hast and mdast-util-mdx). */
interface TreeNode {
  readonly type: string;
  readonly value?: string;
  readonly tagName?: string;
  readonly name?: string | null;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly attributes?: ReadonlyArray<{ readonly type: string; readonly name?: string; readonly value?: unknown }>;
  readonly children?: readonly TreeNode[];
}

/** Elements that sit inside a line of text; every other element starts a new block. */
const inlineTags = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

/** Never part of the reading flow (code blocks are examples, not sentences). */
const unreadTags = new Set(['pre', 'script', 'style', 'template', 'svg', 'math', 'img', 'picture', 'video', 'audio', 'iframe', 'input', 'select', 'textarea', 'option']);

/**
 * Parts of a built page that are not our prose, each with its reason. Anything else in <main>
 * (headings, callouts, contact cards, form labels and hints) is measured.
 */
const unreadClasses: ReadonlyArray<readonly [className: string, reason: string]> = [
  ['sources', 'the list of sources repeats the titles of laws and reports, which we cite but do not write'],
];

/** MDX component props whose values the component shows as text, such as a callout's title. */
const visibleProps = new Set(['title', 'heading', 'summary', 'caption', 'label']);

/** The readable text of an MDX page, frontmatter, imports and expressions left out. */
export function mdxText(source: string): string {
  return treeText(mdxToHast(source) as TreeNode);
}

export interface BuiltPageText {
  /** The readable text of the page's main content (`<main>`), without the site's header and footer. */
  readonly text: string;
  /** Terms the page links to their glossary definitions: a reader can learn these on the page. */
  readonly glossaryTerms: readonly string[];
}

export function builtPageText(html: string): BuiltPageText {
  const root = htmlToHast(html) as TreeNode;
  const main = findElement(root, 'main');
  if (main === undefined) throw new Error('The page has no <main> element, so its content cannot be measured');
  const glossaryTerms = new Set<string>();
  collect(main, (node) => {
    if (node.type === 'element' && node.tagName === 'a' && classNames(node.properties?.['className']).includes('glossary-link')) glossaryTerms.add(plainText(node).trim());
  });
  return { text: treeText(main), glossaryTerms: [...glossaryTerms].filter((term) => term !== '') };
}

function collect(node: TreeNode, visit: (node: TreeNode) => void): void {
  visit(node);
  node.children?.forEach((child) => collect(child, visit));
}

function plainText(node: TreeNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(plainText).join('');
}

function findElement(node: TreeNode, tagName: string): TreeNode | undefined {
  if (node.type === 'element' && node.tagName === tagName) return node;
  for (const child of node.children ?? []) {
    const found = findElement(child, tagName);
    if (found !== undefined) return found;
  }
  return undefined;
}

function treeText(root: TreeNode): string {
  const blocks: string[] = [];
  let line = '';
  const flush = (): void => {
    const block = endAsSentence(line.replace(/\s+/g, ' ').trim());
    if (block !== '') blocks.push(block);
    line = '';
  };
  const walk = (node: TreeNode): void => {
    if (node.type === 'text') {
      line += node.value ?? '';
      return;
    }
    if (node.type === 'mdxJsxTextElement') {
      node.children?.forEach(walk);
      return;
    }
    if (node.type === 'mdxJsxFlowElement') {
      const shown = (node.attributes ?? []).filter((attribute) => attribute.type === 'mdxJsxAttribute' && visibleProps.has(attribute.name ?? '') && typeof attribute.value === 'string');
      flush();
      for (const attribute of shown) {
        line = String(attribute.value);
        flush();
      }
      node.children?.forEach(walk);
      flush();
      return;
    }
    if (node.type === 'element') {
      if (isUnread(node)) return;
      const block = !inlineTags.has(node.tagName ?? '');
      if (block) flush();
      node.children?.forEach(walk);
      if (block) flush();
      return;
    }
    // root and anything else that holds children; MDX expressions and ESM are not prose.
    if (node.type === 'root') node.children?.forEach(walk);
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

function isUnread(element: TreeNode): boolean {
  if (unreadTags.has(element.tagName ?? '')) return true;
  const properties = element.properties ?? {};
  if (properties['hidden'] !== undefined && properties['hidden'] !== false) return true;
  if (String(properties['ariaHidden'] ?? '') === 'true') return true;
  const classes = classNames(properties['className']);
  return unreadClasses.some(([className]) => classes.includes(className));
}

function classNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

/** A heading, list item or table cell reads as a sentence of its own. */
function endAsSentence(block: string): string {
  if (!/[\p{L}\p{N}]/u.test(block)) return '';
  if (/[.!?…]["'”’)\]]*$/.test(block)) return block;
  return `${block.replace(/[\s,:;–—-]+$/, '')}.`;
}
