import type { Guide, SectionId } from '../schemas/guide.ts';

export interface GuideEntry {
  id: string;
  data: Guide;
}

/** Guides of one section in reading order; archived ones last. */
export function guidesInSection<T extends GuideEntry>(guides: readonly T[], section: SectionId): T[] {
  return guides
    .filter((g) => g.data.section === section)
    .sort((a, b) => Number(a.data.archived) - Number(b.data.archived) || a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

export interface IndexEntry {
  title: string;
  summary: string;
  href: string;
  archived: boolean;
}

/** A to Z by title, ignoring a leading "The" so "The Commissioner" sits under C. */
export function alphabetical<T extends { title: string }>(entries: readonly T[]): T[] {
  const key = (t: string) => t.replace(/^the\s+/i, '').toLocaleLowerCase('en-GB');
  return [...entries].sort((a, b) => key(a.title).localeCompare(key(b.title), 'en-GB'));
}
