/**
 * What the "Is this page useful?" form may send, checked on the server before anything is
 * stored. Two forms post here: Yes / No (field `useful`) and "Report a problem" (field
 * `problem`). Either names the page it was on (`page`), which must be a path of this site,
 * because the answer redirects there. `website` is a honeypot no person sees.
 */
import { normaliseText, redactPersonalData } from './redact.ts';

export const feedbackFields = ['page', 'useful', 'problem', 'website'] as const;
export type FeedbackField = (typeof feedbackFields)[number];

export const feedbackKinds = ['yes', 'no', 'problem'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

/** Long enough for a few sentences; the box says so. */
export const problemMaxLength = 1000;
const pageMaxLength = 200;

export interface NewFeedback {
  page: string;
  kind: FeedbackKind;
  /** The problem report, personal data removed; only for kind "problem". */
  problem?: string | undefined;
}

export type FeedbackProblem = 'page' | 'answer' | 'empty' | 'too-long' | 'honeypot';

export type FeedbackResult = { ok: true; value: NewFeedback } | { ok: false; problem: FeedbackProblem };

/**
 * A path on this site: starts with one slash, lower-case words, digits and hyphens between
 * slashes, ends with a slash (every page here does). Never "//host" or a full URL, so the
 * redirect after sending cannot lead anywhere else.
 */
export function isSitePath(value: string): boolean {
  return value.length <= pageMaxLength && /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/.test(value);
}

/**
 * Control characters other than line breaks and tabs have no place in a report, nor do
 * invisible and direction-changing ones (normaliseText): a report of only those is empty.
 */
function tidy(text: string): string {
  return normaliseText(text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')).trim();
}

/**
 * `pages`, when given, is every page that shows the feedback form (pages.ts): any other path
 * is refused, so nothing is tallied for a page that does not exist.
 */
export function validateFeedback(fields: Partial<Record<FeedbackField, string>>, pages?: ReadonlySet<string>): FeedbackResult {
  // A bot fills every box; a person never sees this one. Refused like any bad input: nothing is stored.
  if ((fields.website ?? '') !== '') return { ok: false, problem: 'honeypot' };
  const page = fields.page ?? '';
  if (!isSitePath(page) || (pages !== undefined && !pages.has(page))) return { ok: false, problem: 'page' };

  const useful = fields.useful;
  const problem = fields.problem;
  if (useful !== undefined && problem !== undefined) return { ok: false, problem: 'answer' };
  if (useful !== undefined) {
    if (useful !== 'yes' && useful !== 'no') return { ok: false, problem: 'answer' };
    return { ok: true, value: { page, kind: useful } };
  }
  if (problem === undefined) return { ok: false, problem: 'answer' };
  // Counted in characters as the box counts them (maxlength), before anything is removed.
  if ([...problem.replace(/\r\n/g, '\n')].length > problemMaxLength) return { ok: false, problem: 'too-long' };
  const text = tidy(problem);
  if (text === '') return { ok: false, problem: 'empty' };
  return { ok: true, value: { page, kind: 'problem', problem: redactPersonalData(text) } };
}
