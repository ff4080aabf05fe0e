/** Where the easy read version of a guide (or of the wizard) lives. */
export const easyReadUrl = (id: string): string => `/easy-read/${id}/`;

/** The full version an easy read page summarises. */
export const fullVersionUrl = (guide: string): string => (guide === 'where-to-complain' ? '/where-to-complain/' : `/guides/${guide}/`);
