import type { SectionId } from '../schemas/guide.ts';

export interface Section {
  id: SectionId;
  title: string;
  /** Short label for the primary navigation. */
  navLabel: string;
  summary: string;
}

/** Order here is the order on the home page and in the navigation. */
export const sections: readonly Section[] = [
  {
    id: 'complaining-about-the-met',
    title: 'Complaints about the Metropolitan Police',
    navLabel: 'Complain about the Met',
    summary: 'How to complain about the Met, what happens next, and how to ask for a review.',
  },
  {
    id: 'commissioner-mayor-and-mopac',
    title: 'The Commissioner, the Mayor and MOPAC',
    navLabel: 'Commissioner, Mayor and MOPAC',
    summary: 'Complaints about the Commissioner, the Mayor, the Deputy Mayor, or MOPAC and its staff.',
  },
  {
    id: 'police-officers-and-staff',
    title: 'For police officers and staff',
    navLabel: 'Police staff',
    summary: 'Ways for officers and staff to raise a concern about wrongdoing at work.',
  },
  {
    id: 'what-we-found',
    title: 'What we found and what changed',
    navLabel: 'What changed',
    summary: 'What people who complained told us, and progress on the Mayor’s Action Plan.',
  },
  {
    id: 'help',
    title: 'Help and contacts',
    navLabel: 'Help',
    summary: 'What the words mean, and who to contact.',
  },
  {
    id: 'archive',
    title: 'Archive',
    navLabel: 'Archive',
    summary: 'Older material kept for the record. It is out of date.',
  },
];

export function sectionById(id: SectionId): Section {
  const section = sections.find((s) => s.id === id);
  if (!section) throw new Error(`Unknown section "${id}"`);
  return section;
}

export const sectionUrl = (id: SectionId): string => `/topics/${id}/`;
export const guideUrl = (id: string): string => `/guides/${id}/`;
