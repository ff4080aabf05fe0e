/**
 * The "On this page" list for long guides (GOV.UK's contents list pattern): one link per
 * h2 section, shown only when a page has enough sections for a list to help. Pure, so the
 * rule is unit-tested; the guide page passes in the headings Astro found in its Markdown.
 */

/** A heading as Astro's render() reports it. */
export interface PageHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface ContentsEntry {
  href: string;
  text: string;
}

/** Pages with fewer h2 sections than this get no contents list: the page is short enough to scan. */
export const minimumSections = 3;

export function contentsList(headings: readonly PageHeading[], minimum = minimumSections): ContentsEntry[] {
  const sections = headings.filter((h) => h.depth === 2 && h.slug !== '' && h.text.trim() !== '');
  if (sections.length < minimum) return [];
  return sections.map((h) => ({ href: `#${h.slug}`, text: h.text.trim() }));
}
