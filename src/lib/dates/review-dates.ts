export interface Reviewable {
  id: string;
  reviewBy: string;
}

/**
 * Pages whose review date has passed. The build warns about these rather than
 * failing, so an overdue review never blocks an urgent fix elsewhere.
 */
export function overdueForReview<T extends Reviewable>(pages: readonly T[], today: string): T[] {
  return pages.filter((p) => p.reviewBy < today).sort((a, b) => a.reviewBy.localeCompare(b.reviewBy));
}

export function overdueWarning(page: Reviewable): string {
  return `Content review overdue: "${page.id}" was due for review by ${page.reviewBy}.`;
}
