/**
 * Heading levels that skip a level (an h2 followed by an h4), or a list that does not start at
 * h1. Shared by the check on the built HTML (tests/build) and the one on the rendered page
 * (tests/support/page-checks.ts), so the two cannot drift apart.
 */
export function headingOrderProblems(levels: readonly number[]): string[] {
  const problems: string[] = [];
  if (levels[0] !== 1) problems.push(`first heading is h${levels[0]}`);
  levels.forEach((level, i) => {
    if (i > 0 && level > levels[i - 1]! + 1) problems.push(`h${levels[i - 1]} followed by h${level}`);
  });
  return problems;
}

/** The level of each heading in a document, in order. */
export const headingLevels = (root: ParentNode): number[] => [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
