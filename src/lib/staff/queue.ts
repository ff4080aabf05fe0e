/**
 * The order and wording of the staff queue. Pure functions of the requests and today's
 * London date, so the page, the CSV export and the tests agree.
 *
 * "Days left" counts calendar days, not working days, and says so wherever it is shown.
 */
import { daysBetween } from '../dates/calendar-days.ts';
import { isRequestStatus, type RequestRecord, type RequestStatus } from '../requests/store.ts';

/** Sent and closed requests have had their answer: they are never overdue. */
export function isOpen(status: RequestStatus): boolean {
  return status === 'new' || status === 'in-progress';
}

/** Calendar days from `today` to `date`: negative when the date has passed. */
export function calendarDaysUntil(date: string, today: string): number {
  return daysBetween(today, date);
}

export type Due =
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  | { kind: 'later'; days: number }
  | { kind: 'done' };

export function dueState(record: Pick<RequestRecord, 'status' | 'replyByDate'>, today: string): Due {
  if (!isOpen(record.status)) return { kind: 'done' };
  const days = calendarDaysUntil(record.replyByDate, today);
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'today' };
  return { kind: 'later', days };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Words, never colour alone: "3 days overdue", "Due today", "1 day left", "Done" (sent or closed). */
export function dueLabel(due: Due): string {
  switch (due.kind) {
    case 'overdue':
      return `${plural(due.days, 'day')} overdue`;
    case 'today':
      return 'Due today';
    case 'later':
      return `${plural(due.days, 'day')} left`;
    case 'done':
      return 'Done';
  }
}

const rank: Readonly<Record<Due['kind'], number>> = { overdue: 0, today: 1, later: 2, done: 3 };

/**
 * Overdue first, then due today, then the other open requests, then sent and closed ones;
 * within each, by reply-by date, then by when they arrived.
 */
export function sortForQueue(records: readonly RequestRecord[], today: string): RequestRecord[] {
  return records
    .map((record) => ({ record, rank: rank[dueState(record, today).kind] }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.record.replyByDate.localeCompare(b.record.replyByDate) ||
        a.record.createdAt.localeCompare(b.record.createdAt),
    )
    .map(({ record }) => record);
}

/** `?status=` from the queue or export address: a status, or undefined for all (also for an unknown value). */
export function statusFilter(value: string | null): RequestStatus | undefined {
  return isRequestStatus(value) ? value : undefined;
}

export function countByStatus(records: readonly RequestRecord[]): Record<RequestStatus, number> {
  const counts: Record<RequestStatus, number> = { new: 0, 'in-progress': 0, sent: 0, closed: 0 };
  for (const record of records) counts[record.status] += 1;
  return counts;
}
