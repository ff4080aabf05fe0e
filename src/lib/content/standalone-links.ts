/**
 * Marks links that stand alone (the whole content of a paragraph or list item)
 * with the class "standalone-link", so CSS can give them a 44 by 44 px target.
 * Links inside a sentence stay inline text: WCAG exempts those, and making them
 * taller would break the line they sit in.
 */

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

interface VisitorContext {
  parent(node: object): MdNode | undefined;
  setProperty(node: object, key: 'data', value: Record<string, unknown> | null): void;
}

/** True when the link is the only thing in its paragraph, ignoring white space. */
export function standsAlone(paragraph: MdNode | undefined): boolean {
  if (paragraph?.type !== 'paragraph' || !paragraph.children) return false;
  const meaningful = paragraph.children.filter((c) => !(c.type === 'text' && (c.value ?? '').trim() === ''));
  return meaningful.length === 1 && meaningful[0]!.type === 'link';
}

/** A plugin factory for Astro's Markdown processor (Sätteri), like glossaryLinksPlugin. */
export function standaloneLinksPlugin() {
  return () => ({
    name: 'standalone-links',
    link(node: MdNode, ctx: VisitorContext) {
      if (!standsAlone(ctx.parent(node))) return;
      ctx.setProperty(node, 'data', { ...(node.data ?? {}), hProperties: { className: ['standalone-link'] } });
    },
  });
}
