/**
 * Links inside the wizard's copy. A step can hold one or more links written
 * "[the words](https://address)", so a step such as "Make your complaint on
 * the Met website" is itself the link, without HTML in the data file.
 * Pure: used by the result page, the graph checks and the tests.
 */

export interface TextPart {
  readonly text: string;
  readonly href?: string;
}

const linkPattern = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/** The text split into plain runs and links, in order. */
export function inlineParts(copy: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of copy.matchAll(linkPattern)) {
    if (match.index > last) parts.push({ text: copy.slice(last, match.index) });
    parts.push({ text: match[1]!, href: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < copy.length) parts.push({ text: copy.slice(last) });
  return parts;
}

/** The words a reader sees, with link markup removed: for word counts and readability. */
export function plainText(copy: string): string {
  return inlineParts(copy)
    .map((part) => part.text)
    .join('');
}

/** Every link address written in the copy. */
export function linksIn(copy: string): string[] {
  return inlineParts(copy).flatMap((part) => (part.href === undefined ? [] : [part.href]));
}

/** Addresses a result may link to: secure web pages, email, phone, or a page of this site. */
export function isAllowedHref(href: string): boolean {
  return /^(https:\/\/\S+|mailto:[^\s@]+@[^\s@]+|tel:\d+|\/\S*)$/.test(href);
}
