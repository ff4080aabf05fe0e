/** Where "Is this page useful?" posts to, and the fragments that show its thank-you messages. */
export const feedbackPath = '/feedback/';

/** Shown by `:target` on the page a person came from, so the page needs no JavaScript. */
export const thanksFragment = 'feedback-thanks';
export const reportedFragment = 'feedback-reported';

/** Where a person goes back to after sending: the page, scrolled to the right thank-you. */
export function backToPage(page: string, kind: 'yes' | 'no' | 'problem'): string {
  return `${page}#${kind === 'problem' ? reportedFragment : thanksFragment}`;
}
