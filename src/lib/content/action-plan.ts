import type { Action, ActionStatus } from '../schemas/action-plan.ts';

export type StatusCounts = Record<ActionStatus, number>;

/** Counts actions per status for the progress summary ("21 of 23 delivered"). */
export function countByStatus(actions: readonly Pick<Action, 'status'>[]): StatusCounts {
  // Spelled out rather than built from the status list, so adding a status is a type error here
  // until the page that shows these counts is updated too.
  const counts: StatusCounts = { delivered: 0, 'in progress': 0 };
  for (const action of actions) counts[action.status] += 1;
  return counts;
}
