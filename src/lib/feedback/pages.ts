/**
 * The pages that show "Is this page useful?" (BaseLayout's `feedback`): guides, site pages,
 * easy read pages, topic pages and the glossary. Feedback is accepted only for these, so the
 * tallies hold built content pages and nothing made up (/made-up/page/, /staff/). The ids
 * come from the content collections (src/pages/feedback/index.astro gathers them); this file
 * turns them into paths the way the routes do.
 */
export interface FeedbackPageIds {
  guides: readonly string[];
  sitePages: readonly string[];
  easyRead: readonly string[];
  sections: readonly string[];
}

export function feedbackPagePaths(ids: FeedbackPageIds): ReadonlySet<string> {
  return new Set([
    ...ids.guides.map((id) => `/guides/${id}/`),
    ...ids.sitePages.map((id) => `/${id}/`),
    ...ids.easyRead.map((id) => `/easy-read/${id}/`),
    ...ids.sections.map((id) => `/topics/${id}/`),
    '/glossary/',
  ]);
}
